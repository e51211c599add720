import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getPrisma } from "../db/prisma";
import { auth } from "./auth";
import { hasSessionCookie } from "./has-session-cookie";
import { loadSessionUser } from "./load-session-user";

/**
 * The signed-in user, read from the database on every request (once per request) through the session
 * row, so signing out, a revoked session, a disabled account, a rejected company or a changed role take
 * effect at once rather than when the session cookie expires.
 */
export const getCurrentUser = cache(async () => {
  // No session cookie, nobody signed in: a visitor's requests (most prices) skip Auth.js (issue 22, 0120).
  if (!hasSessionCookie((await cookies()).getAll())) return null;
  const session = await auth();
  const userId = session?.user?.userId;
  const sessionId = session?.user?.sessionId;
  // A cookie from before sessions were rows has no session id: it signs in again.
  if (!userId || !sessionId) return null;
  return loadSessionUser(getPrisma(), { userId, sessionId });
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;
