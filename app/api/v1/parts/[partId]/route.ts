import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { toPartSummary } from "@/lib/parts/part-summary";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";

/** A part's state and, once analysed, its analysis (size, volume, faces, features, manufacturability). */
export const GET = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const part = await findViewablePart(getPrisma(), params.partId, await resolvePartViewer(request));
  return Response.json({ part: toPartSummary(part) }, { headers: { "cache-control": "no-store" } });
});
