import type { Database, TransactionClient } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { getStripe } from "../payments/stripe-client";
import { releasePayoutsAwaitingDetails } from "./release-payouts-awaiting-details";

/**
 * Whether a Connect account can receive transfers, read from Stripe itself rather than from an event's
 * copy, so an old `account.updated` arriving late cannot switch payouts off again. Null without Stripe.
 */
export async function fetchStripePayoutsEnabled(stripeAccountId: string): Promise<boolean | null> {
  const stripe = getStripe();
  if (!stripe) return null;
  const account = await stripe.accounts.retrieve(stripeAccountId);
  return account.payouts_enabled === true && account.capabilities?.transfers === "active";
}

/**
 * Records a supplier's payout readiness inside the caller's transaction; when payouts become possible,
 * payouts held for missing details are released. Returns the payout ids to pay now, or null for an
 * account that belongs to no supplier.
 */
export async function recordStripePayoutsEnabled(
  tx: TransactionClient,
  stripeAccountId: string,
  payoutsEnabled: boolean,
): Promise<string[] | null> {
  const company = await tx.company.findUnique({ where: { stripeConnectAccountId: stripeAccountId } });
  if (!company) {
    getLogger().warn({ stripeAccountId }, "a Stripe account that belongs to no partner");
    return null;
  }
  await tx.company.update({ where: { id: company.id }, data: { stripePayoutsEnabled: payoutsEnabled } });
  return payoutsEnabled ? releasePayoutsAwaitingDetails(tx, company.id) : [];
}

/** Both, for the supplier's return from Stripe's onboarding page. */
export async function syncStripeAccount(db: Database, stripeAccountId: string): Promise<string[] | null> {
  const payoutsEnabled = await fetchStripePayoutsEnabled(stripeAccountId);
  if (payoutsEnabled === null) return null;
  return db.$transaction((tx) => recordStripePayoutsEnabled(tx, stripeAccountId, payoutsEnabled));
}
