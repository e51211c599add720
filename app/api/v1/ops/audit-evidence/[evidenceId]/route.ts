import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { openAuditEvidence } from "@/lib/audits/open-audit-evidence";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** An audit's evidence file, for operations only; every read is in the audit log. Served inline. */
export const GET = apiRoute<{ evidenceId: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("ops.console");
  const { stream, fileName, contentType } = await openAuditEvidence(
    getPrisma(),
    getFileStorage(),
    { userId: user.id, ipAddress: clientAddressFrom(request.headers) },
    params.evidenceId,
  );
  return storedFileResponse(stream, { fileName, disposition: "inline", contentType });
});
