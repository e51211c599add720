import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { partStateForPage } from "@/lib/parts/part-state-for-page";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { getPartViaApi } from "@/lib/public-api-buyer/buyer-part-handlers";
import { getPartOperation } from "@/lib/public-api-buyer/buyer-operations";
import { keyOrSessionRoute } from "@/lib/public-api/key-or-session-route";
import { publicApiRoute } from "@/lib/public-api/public-api-route";

/** A part's state and, once analysed, its analysis (size, volume, faces, features, manufacturability). */
const sessionGet = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, await resolvePartViewer(request));
  return Response.json(
    { part: await partStateForPage(db, part) },
    { headers: { "cache-control": "no-store" } },
  );
});

/** With an API key, the public API's getPart (decision 0059); without, the web app's answer above. */
export const GET = keyOrSessionRoute(publicApiRoute(getPartOperation, getPartViaApi), sessionGet);
