import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { currentAnalysis } from "@/lib/parts/current-analysis";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { toPartSummary } from "@/lib/parts/part-summary";
import { filesAheadOf } from "@/lib/parts/analysis-queue-order";
import { getEnv } from "@/lib/env";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { getPartViaApi } from "@/lib/public-api-buyer/buyer-part-handlers";
import { getPartOperation } from "@/lib/public-api-buyer/buyer-operations";
import { keyOrSessionRoute } from "@/lib/public-api/key-or-session-route";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

/** A part's state and, once analysed, its analysis (size, volume, faces, features, manufacturability). */
const sessionGet = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, await resolvePartViewer(request));
  const report = await currentAnalysis(db, part);
  const waiting =
    part.status === "UPLOADED" || (part.status === "ANALYZING" && !part.analysisStartedAt)
      ? {
          filesAhead: await filesAheadOf(db, part.id, {
            halfLifeSeconds: getEnv().ANALYSIS_AGEING_HALF_LIFE_SECONDS,
          }),
        }
      : undefined;
  return Response.json(
    { part: toPartSummary(part, report, waiting) },
    { headers: { "cache-control": "no-store" } },
  );
});

/** With an API key, the public API's getPart (decision 0059); without, the web app's answer above. */
export const GET = keyOrSessionRoute(publicApiRoute(getPartOperation, getPartViaApi), sessionGet);
