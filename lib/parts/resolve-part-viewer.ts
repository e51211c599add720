import "server-only";
import { getCurrentUser } from "../auth/current-user";
import { areaForRole } from "../auth/roles";
import { getEnv } from "../env";
import { newVisitorToken, visitorCookie, visitorTokenFrom } from "./visitor-token";
import type { PartViewer } from "./find-viewable-part";

/**
 * The viewer of a parts request: a signed-in buyer's company and user, and the browser's visitor token.
 * `setCookie` is set when the browser had no token yet and the caller should send one (uploads only).
 */
export async function resolvePartViewer(
  request: Request,
  options: { issueVisitorToken?: boolean } = {},
): Promise<PartViewer & { userId?: string; setCookie?: string }> {
  const user = await getCurrentUser();
  const buyer = user && areaForRole(user.role) === "buyer" ? user : null;
  let visitorToken = visitorTokenFrom(request);
  let setCookie: string | undefined;
  if (!visitorToken && !buyer && options.issueVisitorToken) {
    visitorToken = newVisitorToken();
    // Behind a TLS proxy the request reaches us as http: the public address says whether browsers use https.
    const secure =
      new URL(request.url).protocol === "https:" || (getEnv().APP_URL?.startsWith("https://") ?? false);
    setCookie = visitorCookie(visitorToken, secure);
  }
  return {
    ...(buyer ? { companyId: buyer.companyId, userId: buyer.id } : {}),
    ...(visitorToken ? { visitorToken } : {}),
    ...(setCookie ? { setCookie } : {}),
  };
}
