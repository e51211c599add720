import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { queueEmail } from "../notifications/queue-email";
import { purchaseReferenceParagraph } from "../documents/purchase-reference-lines";
import { formatEuros } from "../money/format-euros";
import { issueBuyerInvoice } from "../orders/issue-buyer-invoice";
import { moveOrder } from "../orders/move-order";
import { requestRefund } from "./request-refund";
import { confirmSupplementPayment } from "../counteroffers/confirm-supplement-payment";

export interface CardPaymentReport {
  /** The Payment row's id from the object's metadata. */
  paymentId: string | undefined;
  checkoutSessionId?: string;
  paymentIntentId?: string;
  amountCents: number;
  currency: string;
}

export type CardPaymentOutcome =
  | { kind: "confirmed"; orderId: string }
  | { kind: "already-confirmed" }
  | { kind: "refunding"; orderId: string; refundId: string }
  | { kind: "unknown-payment" }
  | { kind: "amount-mismatch" };

/**
 * Stripe reports a card payment as succeeded (checkout.session.completed or payment_intent.succeeded, in
 * either order, possibly twice): inside the webhook's transaction, the Payment becomes SUCCEEDED, the
 * order CONFIRMED, and the paid invoice is issued, all or nothing. Only an amount and currency matching
 * the attempt confirm it. A payment for an order cancelled meanwhile is refunded in full at once.
 */
export async function confirmCardPayment(
  tx: TransactionClient,
  report: CardPaymentReport,
  now = new Date(),
): Promise<CardPaymentOutcome> {
  const payment = await findPayment(tx, report);
  if (!payment) return { kind: "unknown-payment" };
  // Issue 21 (docs/decisions/0047): the payment of a counteroffer's price difference, not the order's.
  if (payment.counterofferId)
    return confirmSupplementPayment(tx, payment.id, payment.counterofferId, report, now);
  await tx.$queryRaw`SELECT "id" FROM "Payment" WHERE "id" = ${payment.id} FOR UPDATE`;
  const current = await tx.payment.findUniqueOrThrow({
    where: { id: payment.id },
    include: { order: { include: { buyerCompany: true, placedBy: { select: { email: true } } } } },
  });
  const ids = {
    ...(report.checkoutSessionId &&
      !current.stripeCheckoutSessionId && { stripeCheckoutSessionId: report.checkoutSessionId }),
    ...(report.paymentIntentId &&
      !current.stripePaymentIntentId && { stripePaymentIntentId: report.paymentIntentId }),
  };
  // PROCESSING: a delayed method (SEPA Direct Debit) the bank has now confirmed (decision 0029).
  if (current.status !== "PENDING" && current.status !== "PROCESSING" && current.status !== "FAILED") {
    if (Object.keys(ids).length > 0) await tx.payment.update({ where: { id: current.id }, data: ids });
    return { kind: "already-confirmed" };
  }
  const { order } = current;
  if (report.amountCents !== current.amountCents || report.currency.toUpperCase() !== current.currency) {
    getLogger().error({ paymentId: current.id, report }, "Stripe reported another amount than the payment's");
    await recordAuditLog(tx, {
      action: "payment.amount-mismatch",
      companyId: order.buyerCompanyId,
      entityType: "Payment",
      entityId: current.id,
      data: {
        expectedCents: current.amountCents,
        reportedCents: report.amountCents,
        currency: report.currency,
      },
    });
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Payment for order ${order.number} does not match`,
      text: [
        `Stripe reported ${(report.amountCents / 100).toFixed(2)} ${report.currency.toUpperCase()} for the payment of ${formatEuros(current.amountCents)} on order ${order.number}. The order stays unpaid until you check it in Stripe's dashboard.`,
        `${appUrl()}/ops/orders/${order.id}`,
      ].join("\n\n"),
    });
    return { kind: "amount-mismatch" };
  }
  await tx.payment.update({ where: { id: current.id }, data: { status: "SUCCEEDED", ...ids } });
  await recordAuditLog(tx, {
    action: "payment.succeeded",
    companyId: order.buyerCompanyId,
    entityType: "Payment",
    entityId: current.id,
    data: { orderId: order.id, amountCents: current.amountCents, ...ids },
  });
  if (order.status !== "AWAITING_PAYMENT") {
    // Paid after the order was cancelled (or a second attempt paid too): give the money back.
    const refund = await requestRefund(tx, {
      orderId: order.id,
      paymentId: current.id,
      amountCents: current.amountCents,
      reason:
        order.status === "CANCELLED"
          ? "Paid after the order was cancelled"
          : "A second payment for an order already paid",
    });
    return { kind: "refunding", orderId: order.id, refundId: refund.id };
  }
  await moveOrder(tx, {
    orderId: order.id,
    to: "CONFIRMED",
    note: "Card payment received",
    set: { confirmedAt: now },
  });
  await issueBuyerInvoice(tx, order, order.buyerCompany.paymentTermsDays, now, now);
  await queueEmail(tx, {
    to: order.placedBy.email,
    subject: `Order ${order.number}: payment received`,
    text: `We received your payment of ${formatEuros(current.amountCents)} for order ${order.number}. We now place it with a manufacturing partner; your invoice is on the order page.\n\n${purchaseReferenceParagraph(order)}${appUrl()}/orders/${order.id}`,
  });
  return { kind: "confirmed", orderId: order.id };
}

/** By the id we put in the metadata, or by Stripe's ids for a payment we stored them for. */
async function findPayment(tx: TransactionClient, report: CardPaymentReport) {
  if (report.paymentId) {
    const byId = await tx.payment.findUnique({
      where: { id: report.paymentId },
      select: { id: true, counterofferId: true },
    });
    if (byId) return byId;
  }
  if (report.checkoutSessionId) {
    const bySession = await tx.payment.findUnique({
      where: { stripeCheckoutSessionId: report.checkoutSessionId },
      select: { id: true, counterofferId: true },
    });
    if (bySession) return bySession;
  }
  if (report.paymentIntentId)
    return tx.payment.findUnique({
      where: { stripePaymentIntentId: report.paymentIntentId },
      select: { id: true, counterofferId: true },
    });
  return null;
}
