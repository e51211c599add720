import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { areaForRole } from "../auth/roles";
import type { PartViewer } from "./find-viewable-part";
import { visitorCookieName, visitorTokenPattern } from "./visitor-token";

/**
 * The viewer of a page that shows parts: the signed-in buyer's company, and the visitor token from the
 * browser's cookie (its uploads moved to the company when the buyer signed in; see lib/auth/auth.ts).
 */
export async function pagePartViewer(): Promise<PartViewer & { buyer: CurrentUser | null }> {
  const user = await getCurrentUser();
  const buyer = user && areaForRole(user.role) === "buyer" ? user : null;
  const token = (await cookies()).get(visitorCookieName)?.value;
  const visitorToken = token && visitorTokenPattern.test(token) ? token : undefined;
  return {
    buyer,
    ...(buyer ? { companyId: buyer.companyId } : {}),
    ...(visitorToken ? { visitorToken } : {}),
  };
}
