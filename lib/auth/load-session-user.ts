import type { Database } from "../db/prisma";
import type { CompanyStatus } from "../db/generated/enums";

/** A rejected company is out for good; a suspended supplier signs in again to finish its accepted jobs. */
const companyStatusesThatMaySignIn: readonly CompanyStatus[] = ["ACTIVE", "PENDING_AUDIT", "SUSPENDED"];

/**
 * The user behind a session cookie, or null when the session is unknown, revoked (signed out, or ended
 * by a suspension or a role or password change), belongs to someone else, the user is disabled, or the
 * company may no longer sign in. One query, on every request.
 */
export async function loadSessionUser(db: Database, session: { sessionId: string; userId: string }) {
  const row = await db.userSession.findUnique({
    where: { id: session.sessionId },
    include: {
      user: { include: { company: { select: { id: true, name: true, kind: true, status: true } } } },
    },
  });
  if (!row || row.revokedAt || row.userId !== session.userId) return null;
  const { user } = row;
  if (user.disabledAt || !companyStatusesThatMaySignIn.includes(user.company.status)) return null;
  return user;
}
