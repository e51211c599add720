import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { completeRefund } from "./complete-refund";
import { isPermanentStripeError } from "./is-permanent-stripe-error";
import { getStripe } from "./stripe-client";

export type SendRefundOutcome = "refunded" | "failed" | "skipped";

/**
 * Sends one pending refund to Stripe with the refund's idempotency key, so that a repeat after a crash or
 * a lost answer returns the refund Stripe already made rather than refunding twice, then completes it.
 * Stripe's refusal marks it FAILED for operations; anything else is thrown for the job to retry.
 */
export async function sendRefund(
  db: Database,
  refundId: string,
  now = new Date(),
): Promise<SendRefundOutcome> {
  const stripe = getStripe();
  if (!stripe) return "skipped";
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    include: { payment: { include: { order: { select: { number: true, buyerCompanyId: true } } } } },
  });
  if (!refund || refund.status !== "PENDING") return "skipped";
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
    if (stripeRefund.status === "failed" || stripeRefund.status === "canceled") {
      await failRefund(db, refund.id, `Stripe reports the refund as ${stripeRefund.status}.`);
      return "failed";
    }
    await db.$transaction((tx) => completeRefund(tx, refund.id, stripeRefund.id, now));
    return "refunded";
  } catch (error) {
    if (!isPermanentStripeError(error)) throw error;
    getLogger().error({ err: error, refundId }, "Stripe refused a refund");
    await failRefund(db, refund.id, error.message);
    return "failed";
  }
}

/** A refund Stripe will not make: recorded with the reason, and operations are told to act. */
export async function failRefund(db: Database, refundId: string, reason: string): Promise<void> {
  await db.$transaction((tx) => markRefundFailed(tx, refundId, reason));
}

/** `failRefund` inside the caller's transaction (the webhook's); false when it was no longer pending. */
export async function markRefundFailed(
  tx: TransactionClient,
  refundId: string,
  reason: string,
): Promise<boolean> {
  const failed = await tx.refund.updateMany({
    where: { id: refundId, status: "PENDING" },
    data: { status: "FAILED", failureReason: reason },
  });
  if (failed.count === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: { include: { order: { select: { number: true, buyerCompanyId: true } } } } },
  });
  await recordAuditLog(tx, {
    action: "refund.failed",
    companyId: refund.payment.order.buyerCompanyId,
    entityType: "Refund",
    entityId: refundId,
    data: { reason },
  });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Refund for order ${refund.payment.order.number} failed`,
    text: `Stripe did not refund ${formatEuros(refund.amountCents)}: ${reason}\n\nRefund the buyer another way and record it.`,
  });
  return true;
}
