import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/api-route";
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
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
    headers: {
      "content-type": contentType,
      "content-disposition": `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
