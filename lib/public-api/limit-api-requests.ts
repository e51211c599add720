import "server-only";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";

/** Idempotency records are kept this long: a retry after a day is a new request. */
export const idempotencyRecordHours = 24;

/**
 * Counts the request in the key's current minute (one row per key and minute, so every web process shares
 * the limit) and refuses it with 429 and Retry-After once the key's requestsPerMinute are used. The first
 * request of a minute also clears the key's old windows and idempotency records, so neither table grows.
 * Returns the headers that tell the client its limit.
 */
export async function limitApiRequests(
  db: Database,
  key: { id: string; requestsPerMinute: number },
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db.$queryRaw<{ requests: number }[]>`
    INSERT INTO "ApiRequestWindow" ("apiKeyId", "windowStart", "requests") VALUES (${key.id}, ${windowStart}, 1)
    ON CONFLICT ("apiKeyId", "windowStart") DO UPDATE SET "requests" = "ApiRequestWindow"."requests" + 1
    RETURNING "requests"`;
  const requests = row!.requests;
  if (requests === 1) {
    await db.apiRequestWindow.deleteMany({ where: { apiKeyId: key.id, windowStart: { lt: windowStart } } });
    await db.apiIdempotencyRecord.deleteMany({
      where: {
        apiKeyId: key.id,
        createdAt: { lt: new Date(now.getTime() - idempotencyRecordHours * 3_600_000) },
      },
    });
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  if (requests > key.requestsPerMinute)
    throw new AppError(
      "rate_limited",
      `This API key may make ${key.requestsPerMinute} requests a minute. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  return {
    "ratelimit-limit": String(key.requestsPerMinute),
    "ratelimit-remaining": String(Math.max(0, key.requestsPerMinute - requests)),
    "ratelimit-reset": String(retryAfterSeconds),
  };
}
