import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { areaForRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { openQualityDocument } from "@/lib/quality-documents/open-quality-document";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * Issue 21 (i21-quality): a quality document of an order, for the buyer company that placed it and for
 * operations; for anyone else it does not exist. Every read is in the audit log. Downloaded, not opened.
 */
export const GET = apiRoute<{ orderId: string; documentId: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("order.documents.view");
  const area = areaForRole(user.role);
  if (area !== "buyer" && area !== "ops")
    throw new AppError("not_found", "There is no such document on this order.");
  const { stream, fileName, contentType } = await openQualityDocument(
    getPrisma(),
    getFileStorage(),
    { userId: user.id, companyId: user.companyId, area, ipAddress: clientAddressFrom(request.headers) },
    params.orderId,
    params.documentId,
  );
  return storedFileResponse(stream, { fileName, disposition: "attachment", contentType });
});
