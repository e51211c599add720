import type { Database } from "../db/prisma";

/**
 * Rate limiting reads only the last hour; old sign-in and sign-up attempts are kept a while for
 * investigations, then dropped, with sessions as old and sign-up, password reset and verification links long expired.
 */
export async function purgeOldSignInAttempts(
  db: Database,
  olderThanDays: number,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - olderThanDays * 24 * 60 * 60 * 1000);
  const [attempts, signUps, sessions, registrations, resets, emailLinks] = await Promise.all([
    db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db.signUpAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    // A session idles out after 8 hours, but next-auth renews the cookie while it is used: keep rows as long.
    db.userSession.deleteMany({ where: { createdAt: { lt: before } } }),
    db.pendingRegistration.deleteMany({ where: { expiresAt: { lt: before } } }),
    db.passwordResetAttempt.deleteMany({ where: { createdAt: { lt: before } } }),
    db.userEmailToken.deleteMany({ where: { expiresAt: { lt: before } } }),
  ]);
  return (
    attempts.count + signUps.count + sessions.count + registrations.count + resets.count + emailLinks.count
  );
}
