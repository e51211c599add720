import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { openJobFile } from "@/lib/suppliers/open-job-file";
import { openJobFlatPattern } from "@/lib/suppliers/open-job-flat-pattern";
import { fileDownload } from "@/lib/exports/file-download";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The CAD file (`cad`) or drawing (`drawing`) of a job, for the supplier that accepted it, and only
 * after acceptance. Every download is in the audit log.
 */
export const GET = apiRoute<{ orderLineId: string; file: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("supplier.cad.download");
  const reader = {
    userId: user.id,
    companyId: user.companyId,
    ipAddress: clientAddressFrom(request.headers),
  };
  // Issue 23: a sheet-metal job's flat pattern as DXF, written from the stored analysis.
  if (params.file === "flat-pattern") {
    const { dxf, fileName } = await openJobFlatPattern(getPrisma(), reader, params.orderLineId);
    // The part's own name, which may hold any letter: a raw header with "零件" failed the whole request.
    return fileDownload(dxf, fileName, "application/dxf");
  }
  if (params.file !== "cad" && params.file !== "drawing")
    throw new AppError("not_found", "Files of a job are `cad`, `drawing` and `flat-pattern`.");
  const { stream, fileName } = await openJobFile(
    getPrisma(),
    getFileStorage(),
    { userId: user.id, companyId: user.companyId, ipAddress: clientAddressFrom(request.headers) },
    params.orderLineId,
    params.file,
  );
  return storedFileResponse(stream, { fileName, disposition: "attachment" });
});
