import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";

/**
 * A card refund Stripe had reported `succeeded` comes back failed (the issuer returned it, e.g. to a
 * closed card account; Stripe puts the money back on the platform's balance). The refund becomes FAILED
 * and the payment's refunded total shrinks again; its credit note stays, because the buyer is still owed
 * the money: the refund keeps counting against the payment until operations follow it up (retry or bank
 * transfer), which carries the credit note over. Operations and the buyer, who was told it was refunded,
 * are both told. False when the refund was not SUCCEEDED.
 */
export async function markRefundBounced(
  tx: TransactionClient,
  refundId: string,
  reason: string,
  now = new Date(),
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Refund" WHERE "id" = ${refundId} AND "status" = 'SUCCEEDED' AND "method" = 'STRIPE'
    FOR UPDATE`;
  if (locked.length === 0) return false;
  const refund = await tx.refund.update({
    where: { id: refundId },
    data: { status: "FAILED", stripeStatus: "failed", failureReason: reason, failedAt: now },
    include: {
      payment: {
        include: {
          order: {
            select: { id: true, number: true, buyerCompanyId: true, placedBy: { select: { email: true } } },
          },
        },
      },
    },
  });
  const { payment } = refund;
  const refundedCents = payment.refundedCents - refund.amountCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedCents, status: refundedCents > 0 ? "PARTIALLY_REFUNDED" : "SUCCEEDED" },
  });
  await recordAuditLog(tx, {
    action: "refund.bounced",
    companyId: payment.order.buyerCompanyId,
    entityType: "Refund",
    entityId: refundId,
    data: { reason, stripeRefundId: refund.stripeRefundId, amountCents: refund.amountCents },
  });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Refund for order ${payment.order.number} came back from the card`,
    text: [
      `The card refund of ${formatEuros(refund.amountCents)} that Stripe had reported as done came back: ${reason}. Stripe returned the money to the platform's balance.`,
      "The buyer was told it was refunded and holds a credit note, so the money is still owed: the buyer has now been told that we pay it another way.",
      `Next step, under "Refunds to act on" at ${appUrl()}/ops/payments: transfer the amount to the buyer's bank account and record it (or try the card again if the buyer asks for it).`,
      `Order: ${appUrl()}/ops/orders/${payment.order.id}`,
    ].join("\n\n"),
  });
  await queueEmail(tx, {
    to: payment.order.placedBy.email,
    subject: `Order ${payment.order.number}: your card did not take the refund of ${formatEuros(refund.amountCents)}`,
    text: `Your card issuer sent back the refund of ${formatEuros(refund.amountCents)} we made to your card. The money is still yours: we will pay it another way, usually by bank transfer, and write to you when it is on its way. Your credit note stays valid.\n\n${appUrl()}/orders/${payment.orderId}`,
  });
  return true;
}
