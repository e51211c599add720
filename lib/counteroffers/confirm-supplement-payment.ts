import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl, getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import type { CardPaymentOutcome, CardPaymentReport } from "../payments/confirm-card-payment";
import { requestRefund } from "../payments/request-refund";
import { applyPriceSupplement } from "./apply-price-supplement";
import { acceptCounteroffer, counterofferToSettleInclude } from "./settle-counteroffer";

/**
 * Stripe reports the payment of a counteroffer's price difference as succeeded (docs/decisions/0047), inside
 * the webhook's transaction: the Payment becomes SUCCEEDED and, while the counteroffer still awaits the
 * buyer, it is accepted (the job is the partner's at its price) with a paid supplementary invoice, the new
 * totals and the ledger posting, all or nothing. A payment that arrives after the counteroffer ended
 * (declined, lapsed, withdrawn) is refunded in full. Locks the line, the offer and the counteroffer before
 * the payment, the order the buyer's decision and the deadline job take them in, so a payment racing the
 * deadline ends one way. Events repeated or in any order change nothing twice.
 */
export async function confirmSupplementPayment(
  tx: TransactionClient,
  paymentId: string,
  counterofferId: string,
  report: CardPaymentReport,
  now: Date,
): Promise<CardPaymentOutcome> {
  await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT o."orderLineId" FROM "Offer" o JOIN "Counteroffer" k ON k."offerId" = o."id" WHERE k."id" = ${counterofferId}) FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = (SELECT "offerId" FROM "Counteroffer" WHERE "id" = ${counterofferId}) FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Counteroffer" WHERE "id" = ${counterofferId} FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`;
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { order: { select: { id: true, number: true, buyerCompanyId: true, status: true } } },
  });
  const ids = {
    ...(report.checkoutSessionId &&
      !payment.stripeCheckoutSessionId && { stripeCheckoutSessionId: report.checkoutSessionId }),
    ...(report.paymentIntentId &&
      !payment.stripePaymentIntentId && { stripePaymentIntentId: report.paymentIntentId }),
  };
  if (payment.status !== "PENDING" && payment.status !== "PROCESSING" && payment.status !== "FAILED") {
    if (Object.keys(ids).length > 0) await tx.payment.update({ where: { id: payment.id }, data: ids });
    return { kind: "already-confirmed" };
  }
  const { order } = payment;
  if (report.amountCents !== payment.amountCents || report.currency.toUpperCase() !== payment.currency) {
    getLogger().error({ paymentId, report }, "Stripe reported another amount than the price difference's");
    await recordAuditLog(tx, {
      action: "payment.amount-mismatch",
      companyId: order.buyerCompanyId,
      entityType: "Payment",
      entityId: payment.id,
      data: {
        expectedCents: payment.amountCents,
        reportedCents: report.amountCents,
        currency: report.currency,
      },
    });
    await queueEmail(tx, {
      to: getEnv().OPERATIONS_EMAIL,
      subject: `Payment of a price difference on order ${order.number} does not match`,
      text: `Stripe reported ${(report.amountCents / 100).toFixed(2)} ${report.currency.toUpperCase()} for the price difference of ${formatEuros(payment.amountCents)} on order ${order.number}. The counteroffer stays unpaid until you check it in Stripe's dashboard.\n\n${appUrl()}/ops/orders/${order.id}`,
    });
    return { kind: "amount-mismatch" };
  }
  await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", ...ids } });
  await recordAuditLog(tx, {
    action: "payment.succeeded",
    companyId: order.buyerCompanyId,
    entityType: "Payment",
    entityId: payment.id,
    data: { orderId: order.id, amountCents: payment.amountCents, counterofferId, ...ids },
  });
  const counteroffer = await tx.counteroffer.findUniqueOrThrow({
    where: { id: counterofferId },
    include: counterofferToSettleInclude,
  });
  // Still awaiting the buyer: accepted even a moment past the deadline if the job has not declined it
  // yet, since the money is in; once declined, lapsed or withdrawn it goes back.
  if (counteroffer.status !== "AWAITING_BUYER" || order.status === "CANCELLED") {
    const refund = await requestRefund(tx, {
      orderId: order.id,
      paymentId: payment.id,
      amountCents: payment.amountCents,
      reason: "Price difference paid after the partner's counteroffer had ended",
    });
    return { kind: "refunding", orderId: order.id, refundId: refund.id };
  }
  // Who started the payment decided: the buyer's user from the attempt's audit entry.
  const started = await tx.auditLogEntry.findFirst({
    where: { action: "counteroffer.payment-started", entityId: counterofferId, actorUserId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { actorUserId: true },
  });
  const userId = started?.actorUserId ?? undefined;
  await acceptCounteroffer(tx, counteroffer, userId ? { by: "buyer", userId } : { by: "rules" }, now);
  const invoice = await applyPriceSupplement(tx, counteroffer, { userId }, now, now);
  const buyer = await tx.order.findUniqueOrThrow({
    where: { id: order.id },
    select: { placedBy: { select: { email: true } } },
  });
  await queueEmail(tx, {
    to: buyer.placedBy.email,
    subject: `Order ${order.number}: price difference paid`,
    text: `We received your payment of ${formatEuros(payment.amountCents)} for the partner's higher price on order ${order.number}. The partner now makes your parts; the supplementary invoice ${invoice?.invoiceNumber ?? ""} is on the order page.\n\n${appUrl()}/orders/${order.id}`,
  });
  return { kind: "confirmed", orderId: order.id };
}
