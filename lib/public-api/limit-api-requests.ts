import "server-only";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Idempotency records are kept this long: a retry after a day is a new request. */
export const idempotencyRecordHours = 24;

/** The window the limit looks back over: requestsPerMinute in any 60 s, not per calendar minute. */
const windowMs = 60_000;
/** How often a key's own requests delete its idempotency records older than a day. */
const cleanUpEveryMs = 3_600_000;

/**
 * Admits the request if the key made fewer than its requestsPerMinute in the last 60 s (a sliding window:
 * the times of the admitted requests, one row per key, so every web process shares the limit; decision
 * 0069), else refuses it with 429 and Retry-After (seconds until the oldest of those leaves the window).
 * A refused request is not counted, so a client that waits as told gets in. One statement either way;
 * at most hourly the key's old idempotency records are deleted too, so that table does not grow.
 * Returns the headers that tell the client its limit.
 */
export async function limitApiRequests(
  db: Database,
  key: { id: string; requestsPerMinute: number },
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const windowStart = new Date(now.getTime() - windowMs);
  // The row is locked by the upsert, so concurrent requests of one key are counted one after the other.
  const [row] = await db.$queryRaw<{ requests: number; oldest: Date; cleanedAt: Date }[]>`
    INSERT INTO "ApiKeyRecentRequests" AS recent ("apiKeyId", "requestTimes", "cleanedAt")
    VALUES (${key.id}, ARRAY[${now}::timestamptz(3)], ${now})
    ON CONFLICT ("apiKeyId") DO UPDATE SET "requestTimes" =
      ARRAY(SELECT t FROM unnest(recent."requestTimes") t WHERE t > ${windowStart} ORDER BY t)
        || ${now}::timestamptz(3)
    WHERE (SELECT count(*) FROM unnest(recent."requestTimes") t WHERE t > ${windowStart}) < ${key.requestsPerMinute}
    RETURNING cardinality("requestTimes") AS requests, "requestTimes"[1] AS oldest, "cleanedAt"`;
  if (!row) {
    const [recent] = await db.$queryRaw<{ oldest: Date }[]>`
      SELECT min(t) AS oldest FROM "ApiKeyRecentRequests", unnest("requestTimes") t
      WHERE "apiKeyId" = ${key.id} AND t > ${windowStart}`;
    const retryAfterSeconds = secondsUntilFree(recent?.oldest ?? now, now);
    throw new AppError(
      "rate_limited",
      `This API key may make ${key.requestsPerMinute} requests in any 60 seconds. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
  if (now.getTime() - row.cleanedAt.getTime() >= cleanUpEveryMs) {
    await db.apiKeyRecentRequests.update({ where: { apiKeyId: key.id }, data: { cleanedAt: now } });
    await db.apiIdempotencyRecord.deleteMany({
      where: {
        apiKeyId: key.id,
        createdAt: { lt: new Date(now.getTime() - idempotencyRecordHours * 3_600_000) },
      },
    });
  }
  return {
    "ratelimit-limit": String(key.requestsPerMinute),
    "ratelimit-remaining": String(Math.max(0, key.requestsPerMinute - Number(row.requests))),
    "ratelimit-reset": String(secondsUntilFree(row.oldest, now)),
  };
}

/** Seconds until a request made at `oldest` leaves the 60-s window (at least 1). */
function secondsUntilFree(oldest: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000));
}
