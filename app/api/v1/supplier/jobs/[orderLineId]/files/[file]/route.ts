import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { openJobFile } from "@/lib/suppliers/open-job-file";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The CAD file (`cad`) or drawing (`drawing`) of a job, for the supplier that accepted it, and only
 * after acceptance. Every download is in the audit log.
 */
export const GET = apiRoute<{ orderLineId: string; file: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("supplier.cad.download");
  if (params.file !== "cad" && params.file !== "drawing")
    throw new AppError("not_found", "Files of a job are `cad` and `drawing`.");
  const { stream, fileName } = await openJobFile(
    getPrisma(),
    getFileStorage(),
    { userId: user.id, companyId: user.companyId, ipAddress: clientAddressFrom(request.headers) },
    params.orderLineId,
    params.file,
  );
  return storedFileResponse(stream, { fileName, disposition: "attachment" });
});
