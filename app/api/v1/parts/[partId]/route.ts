import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { currentAnalysis } from "@/lib/parts/current-analysis";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { toPartSummary } from "@/lib/parts/part-summary";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";

/** A part's state and, once analysed, its analysis (size, volume, faces, features, manufacturability). */
export const GET = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, await resolvePartViewer(request));
  const report = await currentAnalysis(db, part);
  return Response.json({ part: toPartSummary(part, report) }, { headers: { "cache-control": "no-store" } });
});
