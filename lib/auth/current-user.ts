import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { auth } from "./auth";
import { loadSessionUser } from "./load-session-user";
import { areaForRole, type Area } from "./roles";

/**
 * The signed-in user, read from the database on every request (once per request) through the session
 * row, so signing out, a revoked session, a disabled account, a rejected company or a changed role take
 * effect at once rather than when the session cookie expires.
 */
export const getCurrentUser = cache(async () => {
  const session = await auth();
  const userId = session?.user?.userId;
  const sessionId = session?.user?.sessionId;
  // A cookie from before sessions were rows has no session id: it signs in again.
  if (!userId || !sessionId) return null;
  return loadSessionUser(getPrisma(), { userId, sessionId });
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/**
 * For layouts, pages and server actions: sends a visitor to sign in (and back to the requested path
 * afterwards), and answers 403 to a user of another area.
 */
export async function requireArea(area: Area, fallbackReturnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const requestedPath = (await headers()).get("x-request-path");
    const returnTo =
      requestedPath?.startsWith("/") && !requestedPath.startsWith("//") ? requestedPath : fallbackReturnTo;
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (areaForRole(user.role) !== area) forbidden();
  return user;
}

/** For API route handlers: the same check as coded errors, which the route wrapper maps to 401 and 403. */
export async function requireApiArea(area: Area): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use this endpoint.");
  if (areaForRole(user.role) !== area)
    throw new AppError("forbidden", "Your account has no access to this endpoint.");
  return user;
}
