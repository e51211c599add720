import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import { findCheckoutPayment, type CheckoutPaymentIds } from "./find-checkout-payment";

/**
 * Checkout completed but the money has not arrived (checkout.session.completed with payment_status
 * "unpaid": a delayed method such as SEPA Direct Debit, decision 0029). The attempt becomes PROCESSING
 * and the order keeps waiting: nothing is confirmed, invoiced or matched until
 * checkout.session.async_payment_succeeded (confirmCardPayment) or _failed (failDelayedCardPayment).
 * The buyer is told it is processing, never that it went through. False when there is nothing to do
 * (an unknown payment, or one the bank has already answered for: events come in any order).
 */
export async function markCardPaymentProcessing(
  tx: TransactionClient,
  ids: CheckoutPaymentIds,
): Promise<boolean> {
  const payment = await findCheckoutPayment(tx, ids);
  if (!payment || payment.status !== "PENDING") return false;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: "PROCESSING",
      ...(!payment.stripeCheckoutSessionId && { stripeCheckoutSessionId: ids.checkoutSessionId }),
      ...(ids.paymentIntentId &&
        !payment.stripePaymentIntentId && { stripePaymentIntentId: ids.paymentIntentId }),
    },
  });
  const { order } = payment;
  await recordAuditLog(tx, {
    action: "payment.processing",
    companyId: order.buyerCompanyId,
    entityType: "Payment",
    entityId: payment.id,
    data: { orderId: order.id, amountCents: payment.amountCents, checkoutSessionId: ids.checkoutSessionId },
  });
  if (order.status === "AWAITING_PAYMENT")
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Order ${order.number}: payment processing`,
      text: `Your payment of ${formatEuros(payment.amountCents)} for order ${order.number} is processing: your bank has not confirmed it yet. A direct debit takes a few business days. We place the order with a manufacturing partner as soon as the money has arrived and tell you by e-mail; you need not do anything now.\n\n${appUrl()}/orders/${order.id}`,
    });
  return true;
}
