import type { Database } from "../db/prisma";

/** Rate limiting reads only the last minutes; old attempts are kept a while for investigations, then dropped. */
export async function purgeOldSignInAttempts(
  db: Database,
  olderThanDays: number,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - olderThanDays * 24 * 60 * 60 * 1000);
  const result = await db.signInAttempt.deleteMany({ where: { createdAt: { lt: before } } });
  return result.count;
}
