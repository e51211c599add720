import type Stripe from "stripe";
import type { Database, TransactionClient } from "../db/prisma";
import { getLogger } from "../logging/logger";
import type { WebhookFollowUp } from "../payments/handle-stripe-webhook";
import {
  fetchStripeAccountStatus,
  recordStripeAccountStatus,
  type StripeAccountStatus,
} from "./sync-stripe-account";

/** What a Connect event needs read from our database and Stripe before its transaction. */
export type ConnectEventRead = { stripeAccountId: string; status: StripeAccountStatus } | null;

/**
 * The network reads of an event from the Connect endpoint. Connect events name the connected account
 * they are about in `event.account`; an account that is no partner's is acknowledged without effect and
 * without asking Stripe (it would answer an account of another platform, or one deleted since, with an
 * error, and that error would become a 500 that makes Stripe resend the event for days).
 */
export async function readConnectEvent(db: Database, event: Stripe.Event): Promise<ConnectEventRead> {
  if (event.type !== "account.updated") return null;
  const stripeAccountId = event.account;
  if (!stripeAccountId) {
    getLogger().warn({ eventId: event.id }, "account.updated on the Connect endpoint names no account");
    return null;
  }
  const supplier = await db.company.findUnique({
    where: { stripeConnectAccountId: stripeAccountId },
    select: { id: true },
  });
  if (!supplier) {
    getLogger().warn({ stripeAccountId }, "account.updated for a Stripe account that belongs to no partner");
    return null;
  }
  const status = await fetchStripeAccountStatus(stripeAccountId);
  return status && { stripeAccountId, status };
}

/**
 * The effect of a Connect event inside the webhook's transaction: the partner's account status recorded,
 * and payouts held for missing details released once Stripe can pay it. Null for an event without effect.
 */
export async function applyConnectEvent(
  tx: TransactionClient,
  read: ConnectEventRead,
  now: Date,
): Promise<WebhookFollowUp[] | null> {
  if (read === null) return null;
  const released = await recordStripeAccountStatus(tx, read.stripeAccountId, read.status, now);
  return released?.map((payoutId) => ({ kind: "pay-payout", payoutId })) ?? null;
}
