import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { applyStripeRefund, type RefundChange } from "./apply-stripe-refund";
import { isPermanentStripeError } from "./is-permanent-stripe-error";
import { markRefundFailed } from "./mark-refund-failed";
import { getStripe } from "./stripe-client";

/** "sent": Stripe has the refund and it waits (pending); "skipped": nothing to do, or nothing new. */
export type SendRefundOutcome = "refunded" | "sent" | "failed" | "skipped";

/**
 * Sends one pending card refund to Stripe with the refund's idempotency key, so that a repeat after a
 * crash or a lost answer returns the refund Stripe already made rather than refunding twice, and applies
 * Stripe's answer: `succeeded` completes it, `pending` keeps it PENDING (Stripe's webhook, or this job's
 * look-up later, brings the outcome). A refund Stripe already has is never sent again (its key expires
 * after 24 hours): it is looked up instead. Stripe's refusal marks it FAILED for operations; anything
 * else is thrown for the job to retry.
 */
export async function sendRefund(
  db: Database,
  refundId: string,
  now = new Date(),
): Promise<SendRefundOutcome> {
  const stripe = getStripe();
  if (!stripe) return "skipped";
  const refund = await db.refund.findUnique({ where: { id: refundId }, include: { payment: true } });
  if (!refund || refund.status !== "PENDING" || refund.method !== "STRIPE") return "skipped";
  if (refund.stripeRefundId) {
    const current = await stripe.refunds.retrieve(refund.stripeRefundId);
    return outcomeOf(await db.$transaction((tx) => applyStripeRefund(tx, refund.id, current, now)));
  }
  const { payment } = refund;
  let paymentIntentId = payment.stripePaymentIntentId;
  if (!paymentIntentId && payment.stripeCheckoutSessionId) {
    const session = await stripe.checkout.sessions.retrieve(payment.stripeCheckoutSessionId);
    paymentIntentId =
      typeof session.payment_intent === "string"
        ? session.payment_intent
        : (session.payment_intent?.id ?? null);
  }
  if (!paymentIntentId) throw new Error(`Payment ${payment.id} has no Stripe payment intent to refund.`);
  try {
    const stripeRefund = await stripe.refunds.create(
      {
        payment_intent: paymentIntentId,
        amount: refund.amountCents,
        reason: "requested_by_customer",
        metadata: { refundId: refund.id, orderId: payment.orderId },
      },
      { idempotencyKey: refund.idempotencyKey },
    );
    return outcomeOf(await db.$transaction((tx) => applyStripeRefund(tx, refund.id, stripeRefund, now)));
  } catch (error) {
    if (!isPermanentStripeError(error)) throw error;
    getLogger().error({ err: error, refundId }, "Stripe refused a refund");
    await db.$transaction((tx) =>
      markRefundFailed(tx, refund.id, `Stripe refused it: ${error.message}`, now),
    );
    return "failed";
  }
}

function outcomeOf(change: RefundChange): SendRefundOutcome {
  switch (change) {
    case "succeeded":
      return "refunded";
    case "waiting":
      return "sent";
    case "failed":
    case "bounced":
      return "failed";
    default:
      return "skipped";
  }
}
