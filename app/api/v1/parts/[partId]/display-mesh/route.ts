import { Readable } from "node:stream";
import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { getFileStorage } from "@/lib/storage/get-file-storage";

/** The viewer's mesh as the compact binary of lib/parts/display-mesh-codec.ts. */
export const GET = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const part = await findViewablePart(getPrisma(), params.partId, await resolvePartViewer(request));
  if (!part.displayMeshKey)
    throw new AppError("not_found", "This part has no 3D view yet: its analysis has not finished.");
  const stream = await getFileStorage().get(part.displayMeshKey);
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
    headers: {
      "content-type": "application/octet-stream",
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
});
