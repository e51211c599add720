import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import { findCheckoutPayment, type CheckoutPaymentIds } from "./find-checkout-payment";

/**
 * The bank refused a delayed payment (checkout.session.async_payment_failed, decision 0029): the
 * attempt becomes FAILED, so the buyer can pay again (a new Checkout Session), and the order keeps
 * waiting for its payment. The buyer is told what happened and what to do; operations are told too.
 * False when there is nothing to do (unknown, or already settled: events come in any order).
 */
export async function failDelayedCardPayment(
  tx: TransactionClient,
  ids: CheckoutPaymentIds,
): Promise<boolean> {
  const payment = await findCheckoutPayment(tx, ids);
  if (!payment || (payment.status !== "PROCESSING" && payment.status !== "PENDING")) return false;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: "FAILED",
      ...(!payment.stripeCheckoutSessionId && { stripeCheckoutSessionId: ids.checkoutSessionId }),
      ...(ids.paymentIntentId &&
        !payment.stripePaymentIntentId && { stripePaymentIntentId: ids.paymentIntentId }),
    },
  });
  const { order } = payment;
  const amount = formatEuros(payment.amountCents);
  await recordAuditLog(tx, {
    action: "payment.failed",
    companyId: order.buyerCompanyId,
    entityType: "Payment",
    entityId: payment.id,
    data: { orderId: order.id, amountCents: payment.amountCents, checkoutSessionId: ids.checkoutSessionId },
  });
  const waiting = order.status === "AWAITING_PAYMENT";
  if (waiting)
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Order ${order.number}: your payment did not go through`,
      text: `Your bank did not confirm your payment of ${amount} for order ${order.number}, so the money was not collected and the order is not placed with a manufacturing partner yet. Please pay again on the order page, by card or with another account:\n\n${appUrl()}/orders/${order.id}\n\nIf you think your bank made a mistake, ask it why it refused the debit.`,
    });
  await queueEmail(tx, {
    to: getEnv().OPERATIONS_EMAIL,
    subject: `Order ${order.number}: delayed payment of ${amount} failed`,
    text: waiting
      ? `Stripe reports that the buyer's delayed payment (e.g. SEPA Direct Debit) of ${amount} for order ${order.number} failed. The order still waits for its payment; the buyer was asked to pay again.\n\n${appUrl()}/ops/orders/${order.id}`
      : `Stripe reports that a delayed payment of ${amount} for order ${order.number} (now ${order.status.toLowerCase()}) failed. Nothing was collected; nothing to refund.\n\n${appUrl()}/ops/orders/${order.id}`,
  });
  return true;
}
