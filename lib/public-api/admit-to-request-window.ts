import "server-only";
import { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";

/** The window a limit looks back over: so many requests in any 60 s, not per calendar minute. */
export const requestWindowMs = 60_000;

/** The tables that hold the times of recent requests, one row per key or per client address. */
const windows = {
  apiKey: { table: Prisma.raw('"ApiKeyRecentRequests"'), id: Prisma.raw('"apiKeyId"') },
  clientAddress: {
    table: Prisma.raw('"ApiClientAddressRecentRequests"'),
    id: Prisma.raw('"clientAddress"'),
  },
} as const;

export type RequestWindowAdmission =
  | {
      admitted: true;
      /** Requests in the window, this one included. */
      requests: number;
      /** Seconds until the oldest of them leaves the window (at least 1). */
      resetSeconds: number;
      cleanedAt: Date;
      /** The row was made by this request: the first of its key or address in a while. */
      firstInWindow: boolean;
    }
  | { admitted: false; retryAfterSeconds: number };

/**
 * Admits a request if its key or client address made fewer than `limit` in the last 60 s (a sliding
 * window: the times of the admitted requests, one row each, so every web process shares the limit;
 * decisions 0069 and 0075). A refused request is not counted, so a client that waits as told gets in.
 * The row is locked by the upsert, so concurrent requests of one key or address are counted in turn.
 */
export async function admitToRequestWindow(
  db: Database,
  window: keyof typeof windows,
  id: string,
  limit: number,
  now: Date,
): Promise<RequestWindowAdmission> {
  const { table, id: idColumn } = windows[window];
  const windowStart = new Date(now.getTime() - requestWindowMs);
  const [row] = await db.$queryRaw<
    { requests: number; oldest: Date; cleanedAt: Date; firstInWindow: boolean }[]
  >`
    INSERT INTO ${table} AS recent (${idColumn}, "requestTimes", "cleanedAt")
    VALUES (${id}, ARRAY[${now}::timestamptz(3)], ${now})
    ON CONFLICT (${idColumn}) DO UPDATE SET "requestTimes" =
      ARRAY(SELECT t FROM unnest(recent."requestTimes") t WHERE t > ${windowStart} ORDER BY t)
        || ${now}::timestamptz(3)
    WHERE (SELECT count(*) FROM unnest(recent."requestTimes") t WHERE t > ${windowStart}) < ${limit}
    RETURNING cardinality("requestTimes") AS requests, "requestTimes"[1] AS oldest, "cleanedAt",
      (xmax = 0) AS "firstInWindow"`;
  if (!row) {
    const [recent] = await db.$queryRaw<{ oldest: Date | null }[]>`
      SELECT min(t) AS oldest FROM ${table}, unnest("requestTimes") t
      WHERE ${idColumn} = ${id} AND t > ${windowStart}`;
    return { admitted: false, retryAfterSeconds: secondsUntilFree(recent?.oldest ?? now, now) };
  }
  return {
    admitted: true,
    requests: Number(row.requests),
    resetSeconds: secondsUntilFree(row.oldest, now),
    cleanedAt: row.cleanedAt,
    firstInWindow: row.firstInWindow,
  };
}

/** Seconds until a request made at `oldest` leaves the 60-s window (at least 1). */
function secondsUntilFree(oldest: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldest.getTime() + requestWindowMs - now.getTime()) / 1000));
}
