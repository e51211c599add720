import { apiRoute } from "@/lib/api/api-route";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";

/**
 * Gives a visitor's browser its visitor cookie before it uploads, so that several files uploaded at once
 * all belong to the same visitor (each upload would otherwise issue a token of its own). Does nothing for
 * a browser that already has one, or for a signed-in buyer.
 */
export const POST = apiRoute(async ({ request }) => {
  const viewer = await resolvePartViewer(request, { issueVisitorToken: true });
  return new Response(null, {
    status: 204,
    headers: viewer.setCookie ? { "set-cookie": viewer.setCookie } : {},
  });
});
