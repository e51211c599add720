import type { Database, TransactionClient } from "../db/prisma";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";

/** Failures older than this no longer slow anyone down. */
export const signInWindowMinutes = 60;
/** Failures each bucket may make before every further attempt has to wait. */
export const freeFailures = { account: 5, address: 20, device: 5 } as const;
export const firstDelaySeconds = 30;
/** The longest wait: growing delays, never a lock-out. */
export const maxDelaySeconds = 15 * 60;
/** The owner hears about attacks on the account at most this often. */
export const throttleNoticeIntervalHours = 24;

export type SignInBucket = keyof typeof freeFailures;

export type SignInTicket =
  | { allowed: true; attemptId: bigint }
  | { allowed: false; bucket: SignInBucket; retryAfterSeconds: number; ownerNotified: boolean };

/**
 * How long after its latest failure a bucket must wait: nothing for the first few failures, then
 * 30 s, 1 min, 2 min, … up to 15 min.
 */
export function delaySecondsAfterFailures(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(maxDelaySeconds, firstDelaySeconds * 2 ** Math.min(failures - free, 20));
}

/**
 * Decides whether a sign-in attempt may reach the password check and, if so, records it (as pending,
 * which counts as a failure) in the same transaction, under a lock per e-mail and per address: parallel
 * attempts are counted one after another, so only the free ones get through. The owner's browser, known
 * by its signed device cookie, is slowed only by its own failures; everyone else shares the account's
 * bucket and the address's bucket. The first refusal on the account's bucket e-mails the owner.
 */
export async function beginSignInAttempt(
  db: Database,
  attempt: { email: string; ipAddress: string; deviceId?: string },
  now = new Date(),
): Promise<SignInTicket> {
  const { email, ipAddress } = attempt;
  const deviceId = attempt.deviceId ?? null;
  return db.$transaction(
    async (tx) => {
      // Always the e-mail's lock first, then the address's: two attempts never wait for each other in a circle.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:email:${email}`}, 0))`;
      if (!deviceId)
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:address:${ipAddress}`}, 0))`;

      const buckets: { bucket: SignInBucket; where: object }[] = deviceId
        ? [{ bucket: "device", where: { email, deviceId } }]
        : [
            { bucket: "account", where: { email, deviceId: null } },
            { bucket: "address", where: { ipAddress, deviceId: null } },
          ];
      for (const { bucket, where } of buckets) {
        const retryAfterSeconds = await secondsUntilAllowed(tx, bucket, where, now);
        if (retryAfterSeconds > 0) {
          const ownerNotified = bucket === "account" && (await noticeOwnerOnce(tx, email, now));
          return { allowed: false, bucket, retryAfterSeconds, ownerNotified };
        }
      }
      const row = await tx.signInAttempt.create({
        data: { email, ipAddress, deviceId, succeeded: null, createdAt: now },
        select: { id: true },
      });
      return { allowed: true, attemptId: row.id };
      // A burst of attempts queues for the locks: each holds them for a few queries, so waiting is short.
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/** Records the password check's outcome for an attempt `beginSignInAttempt` let through. */
export async function finishSignInAttempt(
  db: Database,
  attemptId: bigint,
  succeeded: boolean,
): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded } });
}

async function secondsUntilAllowed(
  tx: TransactionClient,
  bucket: SignInBucket,
  where: object,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - signInWindowMinutes * 60_000);
  // Pending attempts (succeeded null) count: their outcome is not known yet, and parallel guesses are pending.
  const failures = await tx.signInAttempt.aggregate({
    where: { ...where, createdAt: { gte: since }, OR: [{ succeeded: false }, { succeeded: null }] },
    _count: { _all: true },
    _max: { createdAt: true },
  });
  const delaySeconds = delaySecondsAfterFailures(failures._count._all, freeFailures[bucket]);
  const latest = failures._max.createdAt;
  if (delaySeconds === 0 || !latest) return 0;
  return Math.max(0, Math.ceil((latest.getTime() + delaySeconds * 1000 - now.getTime()) / 1000));
}

/** E-mails the account's owner that sign-in is being slowed down, unless told within the last day. */
async function noticeOwnerOnce(tx: TransactionClient, email: string, now: Date): Promise<boolean> {
  const toldBefore = new Date(now.getTime() - throttleNoticeIntervalHours * 3_600_000);
  const claimed = await tx.user.updateMany({
    where: {
      email,
      disabledAt: null,
      OR: [{ signInThrottleNoticeAt: null }, { signInThrottleNoticeAt: { lt: toldBefore } }],
    },
    data: { signInThrottleNoticeAt: now },
  });
  if (claimed.count === 0) return false;
  await queueEmail(tx, {
    to: email,
    subject: "Someone is trying to sign in to your Instant Quote account",
    text: [
      `There were several failed attempts to sign in to your account (${email}), so we now slow down further attempts from browsers you have not signed in with before.`,
      "You can still sign in from a browser you used before. If these attempts were not yours, your password kept them out; choose a long password you use nowhere else.",
      `Forgot your password? Choose a new one at ${appUrl()}/forgot-password (that also signs out every browser).`,
      `We tell you at most once every ${throttleNoticeIntervalHours} hours.`,
    ].join("\n\n"),
  });
  return true;
}
