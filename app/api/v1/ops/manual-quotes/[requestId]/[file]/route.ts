import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/api-route";
import { storedFileResponse } from "@/lib/api/stored-file-response";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { manualQuoteFiles, openManualQuoteFile } from "@/lib/quotes/open-manual-quote-file";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/**
 * The part of a manual quote request for operations: its 3D view (`display-mesh`, the viewer's compact
 * binary), its CAD file (`cad`) or the buyer's drawing (`drawing`). Every read is in the audit log.
 */
export const GET = apiRoute<{ requestId: string; file: string }>(async ({ request, params }) => {
  const user = await requireApiPermission("ops.console");
  const which = manualQuoteFiles.find((file) => file === params.file);
  if (!which) throw new AppError("not_found", "Files of a quote request are display-mesh, cad and drawing.");
  const { stream, fileName } = await openManualQuoteFile(
    getPrisma(),
    getFileStorage(),
    { userId: user.id, companyId: user.companyId, ipAddress: clientAddressFrom(request.headers) },
    params.requestId,
    which,
  );
  if (which === "display-mesh")
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
      headers: { "content-type": "application/octet-stream", "cache-control": "private, no-store" },
    });
  return storedFileResponse(stream, { fileName, disposition: "attachment" });
});
