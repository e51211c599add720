import "server-only";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";
import { AppError } from "../errors/app-error";
import { quotaAddressKey } from "../parts/quota-address-key";
import { admitToRequestWindow, requestWindowMs } from "./admit-to-request-window";

/** At most this many rows of quiet addresses are deleted at a time, so one request never waits long. */
const quietRowsDeletedAtOnce = 500;

/**
 * Counts a public API request that came without a valid key (none, unknown, revoked or expired) against
 * its client address (IPv6 by /64): API_UNKEYED_REQUESTS_PER_MINUTE in any 60 s, a sliding window like the
 * per-key one (decision 0075). Over it: AppError `rate_limited` with Retry-After, which the caller answers
 * instead of its 401. The first request of an address in a while also deletes the rows of addresses that
 * have been quiet for longer than the window, so the table holds only the addresses of the last minute.
 */
export async function limitUnkeyedApiRequests(
  db: Database,
  clientAddress: string,
  now: Date = new Date(),
): Promise<void> {
  const limit = getEnv().API_UNKEYED_REQUESTS_PER_MINUTE;
  const address = quotaAddressKey(clientAddress);
  const admission = await admitToRequestWindow(db, "clientAddress", address, limit, now);
  if (!admission.admitted)
    throw new AppError(
      "rate_limited",
      `Too many requests without a valid API key from your network: ${limit} in any 60 seconds. Try again in ${admission.retryAfterSeconds} s, with a key (Authorization: Bearer iqk_…) from the team page.`,
      { retryAfterSeconds: admission.retryAfterSeconds },
    );
  if (admission.firstInWindow)
    await db.$executeRaw`
      DELETE FROM "ApiClientAddressRecentRequests" WHERE "clientAddress" IN (
        SELECT "clientAddress" FROM "ApiClientAddressRecentRequests"
        WHERE "requestTimes"[cardinality("requestTimes")] <= ${new Date(now.getTime() - requestWindowMs)}
        LIMIT ${quietRowsDeletedAtOnce})`;
}
