import "server-only";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { admitToRequestWindow } from "./admit-to-request-window";

/** Idempotency records are kept this long: a retry after a day is a new request. */
export const idempotencyRecordHours = 24;

/** How often a key's own requests delete its idempotency records older than a day. */
const cleanUpEveryMs = 3_600_000;

/**
 * Admits the request if the key made fewer than its requestsPerMinute in the last 60 s (a sliding window,
 * admit-to-request-window.ts; decision 0069), else refuses it with 429 and Retry-After (seconds until the
 * oldest of those leaves the window). One statement either way; at most hourly the key's old idempotency
 * records are deleted too, so that table does not grow. Returns the headers that tell the client its limit.
 */
export async function limitApiRequests(
  db: Database,
  key: { id: string; requestsPerMinute: number },
  now: Date = new Date(),
): Promise<Record<string, string>> {
  const admission = await admitToRequestWindow(db, "apiKey", key.id, key.requestsPerMinute, now);
  if (!admission.admitted)
    throw new AppError(
      "rate_limited",
      `This API key may make ${key.requestsPerMinute} requests in any 60 seconds. Try again in ${admission.retryAfterSeconds} s.`,
      { retryAfterSeconds: admission.retryAfterSeconds },
    );
  if (now.getTime() - admission.cleanedAt.getTime() >= cleanUpEveryMs) {
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
    "ratelimit-remaining": String(Math.max(0, key.requestsPerMinute - admission.requests)),
    "ratelimit-reset": String(admission.resetSeconds),
  };
}
