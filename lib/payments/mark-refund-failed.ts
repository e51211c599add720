import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";

/**
 * A card refund Stripe will not make (it refused the request, or the refund went `failed`/`canceled`
 * while it waited): FAILED with the reason, and operations are told what to do next. Nothing else moves:
 * no credit note was issued, the payment's refunded total never grew, the buyer was never told it went
 * through, and the amount is refundable again (FAILED refunds do not count against the payment). False
 * when the refund was no longer pending.
 */
export async function markRefundFailed(
  tx: TransactionClient,
  refundId: string,
  reason: string,
  now = new Date(),
  stripe: { stripeRefundId?: string | null; stripeStatus?: string | null } = {},
): Promise<boolean> {
  const failed = await tx.refund.updateMany({
    where: { id: refundId, status: "PENDING" },
    data: {
      status: "FAILED",
      failureReason: reason,
      failedAt: now,
      ...(stripe.stripeRefundId && { stripeRefundId: stripe.stripeRefundId }),
      ...(stripe.stripeStatus && { stripeStatus: stripe.stripeStatus }),
    },
  });
  if (failed.count === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: {
      payment: { include: { order: { select: { id: true, number: true, buyerCompanyId: true } } } },
    },
  });
  await recordAuditLog(tx, {
    action: "refund.failed",
    companyId: refund.payment.order.buyerCompanyId,
    entityType: "Refund",
    entityId: refundId,
    data: { reason, stripeRefundId: refund.stripeRefundId },
  });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Refund for order ${refund.payment.order.number} failed`,
    text: [
      `Stripe did not refund ${formatEuros(refund.amountCents)} to the buyer's card: ${reason}.`,
      "The buyer has not been told that the money went back, and the amount can be refunded again.",
      `Next step, under "Refunds to act on" at ${appUrl()}/ops/payments: try the card again when the reason was passing (for example the platform's Stripe balance), or transfer the amount to the buyer's bank account and record the bank transfer there; either way the buyer then gets the credit note and an e-mail.`,
      `Order: ${appUrl()}/ops/orders/${refund.payment.order.id}`,
    ].join("\n\n"),
  });
  return true;
}
