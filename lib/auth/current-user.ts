import "server-only";
import { cache } from "react";
import { getPrisma } from "../db/prisma";
import { auth } from "./auth";
import { loadSessionUser } from "./load-session-user";

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
