import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { getStripe } from "../payments/stripe-client";
import { syncStripeAccount } from "./sync-stripe-account";

/** At most this many accounts per run, the longest unchecked first: Stripe's rate limit stays far away. */
const accountsPerRun = 100;

/**
 * Re-reads from Stripe every partner's Connect account that cannot receive payouts yet, and releases the
 * payouts held for it once it can (their pay jobs commit with the release). Neither a partner who closed
 * the onboarding tab before coming back to us nor an `account.updated` Stripe gave up delivering can then
 * leave a payout held: Stripe verifies details hours or days after the page, with nobody on it. One
 * account Stripe cannot answer for is logged and retried next run; it does not stop the others.
 */
export async function recheckPendingStripeAccounts(
  db: Database,
  now = new Date(),
): Promise<{ checked: number; enabled: number; failed: number }> {
  const outcome = { checked: 0, enabled: 0, failed: 0 };
  if (!getStripe()) return outcome;
  const pending = await db.company.findMany({
    where: { kind: "SUPPLIER", stripeConnectAccountId: { not: null }, stripePayoutsEnabled: false },
    orderBy: [{ stripeAccountCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: accountsPerRun,
    select: { id: true, stripeConnectAccountId: true },
  });
  for (const { id, stripeConnectAccountId } of pending) {
    if (!stripeConnectAccountId) continue;
    try {
      const released = await syncStripeAccount(db, stripeConnectAccountId, now);
      outcome.checked += 1;
      const company = await db.company.findUniqueOrThrow({
        where: { id },
        select: { stripePayoutsEnabled: true },
      });
      if (company.stripePayoutsEnabled) {
        outcome.enabled += 1;
        getLogger().info(
          { companyId: id, stripeAccountId: stripeConnectAccountId, releasedPayouts: released?.length ?? 0 },
          "a partner's Stripe account can receive payouts now (found by the re-check)",
        );
      }
    } catch (error) {
      outcome.failed += 1;
      getLogger().warn(
        { err: error, companyId: id, stripeAccountId: stripeConnectAccountId },
        "could not re-check a partner's Stripe account; the next run tries again",
      );
    }
  }
  return outcome;
}
