import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser, type CurrentUser } from "../auth/current-user";
import { areaForRole } from "../auth/roles";
import { getPrisma } from "../db/prisma";
import { claimVisitorParts } from "./claim-visitor-parts";
import type { PartViewer } from "./find-viewable-part";
import { visitorCookieName, visitorTokenPattern } from "./visitor-token";

/**
 * The viewer of a page that shows parts: the signed-in buyer (whose browser's visitor uploads are
 * claimed for the company on the way) or the visitor's token from the cookie.
 */
export async function pagePartViewer(): Promise<PartViewer & { buyer: CurrentUser | null }> {
  const user = await getCurrentUser();
  const buyer = user && areaForRole(user.role) === "buyer" ? user : null;
  const token = (await cookies()).get(visitorCookieName)?.value;
  const visitorToken = token && visitorTokenPattern.test(token) ? token : undefined;
  if (buyer && visitorToken)
    await claimVisitorParts(getPrisma(), visitorToken, { companyId: buyer.companyId, userId: buyer.id });
  return {
    buyer,
    ...(buyer ? { companyId: buyer.companyId } : {}),
    ...(visitorToken ? { visitorToken } : {}),
  };
}
