import type { Database, TransactionClient } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { getStripe } from "../payments/stripe-client";
import { releasePayoutsAwaitingDetails } from "./release-payouts-awaiting-details";

/** What Stripe says about a supplier's Connect account, as far as payouts are concerned. */
export interface StripeAccountStatus {
  payoutsEnabled: boolean;
  /** requirements.past_due and currently_due: what the supplier must still give Stripe. */
  requirementsDue: string[];
  /** requirements.disabled_reason, e.g. "requirements.pending_verification" while Stripe checks. */
  disabledReason: string | null;
}

/**
 * A Connect account's payout readiness and what Stripe still needs, read from Stripe itself rather than
 * from an event's copy, so an old `account.updated` arriving late cannot switch payouts off again. Null
 * without Stripe.
 */
export async function fetchStripeAccountStatus(stripeAccountId: string): Promise<StripeAccountStatus | null> {
  const stripe = getStripe();
  if (!stripe) return null;
  const account = await stripe.accounts.retrieve(stripeAccountId);
  const requirements = account.requirements;
  return {
    payoutsEnabled: account.payouts_enabled === true && account.capabilities?.transfers === "active",
    requirementsDue: [
      ...new Set([...(requirements?.past_due ?? []), ...(requirements?.currently_due ?? [])]),
    ],
    disabledReason: requirements?.disabled_reason ?? null,
  };
}

/**
 * Records a supplier's account status inside the caller's transaction; when payouts become possible,
 * payouts held for missing details are released (their pay jobs are sent in the same transaction).
 * Returns the payout ids to pay now, or null for an account that belongs to no supplier.
 */
export async function recordStripeAccountStatus(
  tx: TransactionClient,
  stripeAccountId: string,
  status: StripeAccountStatus,
  now = new Date(),
): Promise<string[] | null> {
  const company = await tx.company.findUnique({ where: { stripeConnectAccountId: stripeAccountId } });
  if (!company) {
    getLogger().warn({ stripeAccountId }, "a Stripe account that belongs to no partner");
    return null;
  }
  await tx.company.update({
    where: { id: company.id },
    data: {
      stripePayoutsEnabled: status.payoutsEnabled,
      stripeRequirementsDue: status.requirementsDue,
      stripeDisabledReason: status.disabledReason,
      stripeAccountCheckedAt: now,
    },
  });
  return status.payoutsEnabled ? releasePayoutsAwaitingDetails(tx, company.id) : [];
}

/** Both, for the supplier's return from Stripe's onboarding page and the periodic re-check. */
export async function syncStripeAccount(
  db: Database,
  stripeAccountId: string,
  now = new Date(),
): Promise<string[] | null> {
  const status = await fetchStripeAccountStatus(stripeAccountId);
  if (status === null) return null;
  return db.$transaction((tx) => recordStripeAccountStatus(tx, stripeAccountId, status, now));
}
