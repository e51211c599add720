import type { Database } from "../db/prisma";

export const signInWindowMinutes = 15;
export const maxFailuresPerAccount = 5;
export const maxFailuresPerAddress = 20;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * Failed attempts in the last window, counted per e-mail and per client address in the database,
 * so every web process sees the same counts. A success does not erase failures: an attacker who
 * knows one password cannot use it to keep guessing another account.
 */
export async function checkSignInRateLimit(
  db: Database,
  email: string,
  ipAddress: string,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - signInWindowMinutes * 60_000);
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.signInAttempt.findMany({
      where: { ipAddress, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const blockingAttempt =
    accountFailures.length >= maxFailuresPerAccount
      ? accountFailures[accountFailures.length - maxFailuresPerAccount]
      : addressFailures.length >= maxFailuresPerAddress
        ? addressFailures[addressFailures.length - maxFailuresPerAddress]
        : undefined;
  if (!blockingAttempt) return { allowed: true };
  const freeAt = blockingAttempt.createdAt.getTime() + signInWindowMinutes * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
}

export async function recordSignInAttempt(
  db: Database,
  email: string,
  ipAddress: string,
  succeeded: boolean,
): Promise<void> {
  await db.signInAttempt.create({ data: { email, ipAddress, succeeded } });
}
