import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { openQualityDocument } from "@/lib/quality-documents/open-quality-document";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * Issue 21 weak spot (decision 0048): a quality document of a job, for the partner whose job it is (the
 * one that uploaded it; after a re-offer, the new partner). The order's route stays the buyer's and
 * operations'. Anyone else is told it does not exist; every read is in the audit log, as the buyer's.
 */
export const GET = apiRoute<{ orderLineId: string; documentId: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("supplier.portal");
  const { stream, fileName, contentType } = await openQualityDocument(
    getPrisma(),
    getFileStorage(),
    {
      userId: user.id,
      companyId: user.companyId,
      area: "supplier",
      ipAddress: clientAddressFrom(request.headers),
    },
    { orderLineId: params.orderLineId },
    params.documentId,
  );
  return storedFileResponse(stream, { fileName, disposition: "attachment", contentType });
});
