import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { openCertificateFile } from "@/lib/suppliers/open-certificate-file";

/**
 * The scan of a supplier's certificate, for that supplier's users and for operations; every read is in
 * the audit log. Served inline (PDF or image, its type checked at upload) so it opens in the browser.
 */
export const GET = apiRoute<{ certificateId: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("supplier.certificates.view");
  const { stream, fileName, contentType } = await openCertificateFile(
    getPrisma(),
    getFileStorage(),
    {
      userId: user.id,
      companyId: user.companyId,
      role: user.role,
      ipAddress: clientAddressFrom(request.headers),
    },
    params.certificateId,
  );
  return storedFileResponse(stream, { fileName, disposition: "inline", contentType });
});
