import type { Database, TransactionClient } from "../db/prisma";

export type RevokeReason =
  | "sign_out"
  | "suspended"
  | "rejected"
  | "role_changed"
  | "password_changed"
  | "disabled"
  // Issue 21: an admin removed the user from the team.
  | "removed";

/** Ends one session (signing out in one browser leaves the user's other browsers signed in). */
export async function revokeSession(
  db: Database | TransactionClient,
  sessionId: string,
  reason: RevokeReason,
  now = new Date(),
): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
}

/**
 * Ends every open session of a user: for a password or role change, or a disabled account. Call it in
 * the transaction that makes the change, so the change and the sign-out happen together. A user who
 * changes the password while signed in keeps the session they did it in (`keepSessionId`).
 */
export async function revokeUserSessions(
  db: Database | TransactionClient,
  userId: string,
  reason: RevokeReason,
  now = new Date(),
  keepSessionId?: string,
): Promise<number> {
  const revoked = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now, revokeReason: reason },
  });
  return revoked.count;
}

/** Ends every open session of a company's users: for a suspended or rejected supplier. */
export async function revokeCompanySessions(
  db: Database | TransactionClient,
  companyId: string,
  reason: RevokeReason,
  now = new Date(),
): Promise<number> {
  const revoked = await db.userSession.updateMany({
    where: { user: { companyId }, revokedAt: null },
    data: { revokedAt: now, revokeReason: reason },
  });
  return revoked.count;
}
