import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import { moveOrderLine } from "../orders/change-order-line-status";
import { moveOrder } from "../orders/move-order";
import { bankTransferInstructions } from "./bank-transfer-instructions";
import { creditCancelledBankPayments } from "./credit-cancelled-bank-payments";
import { openAmountCents } from "./open-amount-cents";
import { loadPrepaymentTerms } from "./prepayment-terms";
import { formatDayOfMoment } from "@/lib/dates/format-day";

const dayMs = 86_400_000;

/**
 * The daily job for prepayment orders still waiting for their money (the `payments.chase-prepayments`
 * job): after the settings' reminder days the buyer is reminded once, with what is missing and how to
 * pay; after the cancellation days the order is cancelled through the order door, its lines with it,
 * money already received becomes a credit for operations to refund, and the buyer is told. Counted
 * from the day the order began to wait for its money (placed, or approved). Each order in its own transaction with the row locked, so a
 * payment booked at the same moment wins or waits; running twice reminds and cancels nothing twice.
 */
export async function chaseUnpaidPrepayments(
  db: Database,
  now = new Date(),
): Promise<{ reminded: number; cancelled: number }> {
  const terms = await loadPrepaymentTerms(db);
  // Since the order began to wait for its money: placement, or the approval of an order that waited
  // for an approver first (the order door records that move).
  const waiting = await db.$queryRaw<{ id: string; waitingSince: Date }[]>`
    SELECT o."id", COALESCE(MAX(c."createdAt"), o."createdAt") AS "waitingSince"
    FROM "Order" o
    LEFT JOIN "OrderStatusChange" c
      ON c."orderId" = o."id" AND c."orderLineId" IS NULL AND c."toStatus" = 'AWAITING_PAYMENT'
    WHERE o."paymentMethod" = 'BANK_TRANSFER' AND o."status" = 'AWAITING_PAYMENT'
    GROUP BY o."id", o."createdAt"
    HAVING COALESCE(MAX(c."createdAt"), o."createdAt") <= ${new Date(now.getTime() - terms.reminderAfterDays * dayMs)}
    ORDER BY 2`;
  let reminded = 0;
  let cancelled = 0;
  for (const { id, waitingSince } of waiting) {
    const cancel = waitingSince.getTime() <= now.getTime() - terms.cancelAfterDays * dayMs;
    const cancelOn = new Date(waitingSince.getTime() + terms.cancelAfterDays * dayMs);
    const done = await db.$transaction((tx) =>
      cancel
        ? cancelUnpaid(tx, id, terms.cancelAfterDays, now)
        : remind(tx, id, cancelOn, terms.cancelAfterDays, now),
    );
    if (done && cancel) cancelled++;
    else if (done) reminded++;
  }
  return { reminded, cancelled };
}

async function lockWaitingOrder(tx: TransactionClient, orderId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      payments: { select: { method: true, status: true, amountCents: true } },
      invoices: { select: { kind: true, status: true, totalCents: true } },
      placedBy: { select: { email: true } },
      lines: { select: { id: true, status: true } },
    },
  });
  return order.status === "AWAITING_PAYMENT" && order.paymentMethod === "BANK_TRANSFER" ? order : null;
}

async function remind(
  tx: TransactionClient,
  orderId: string,
  cancelDate: Date,
  cancelAfterDays: number,
  now: Date,
) {
  const order = await lockWaitingOrder(tx, orderId);
  if (!order || order.prepaymentRemindedAt || !order.paymentReference) return false;
  const openCents = openAmountCents(order);
  const cancelOn = formatDayOfMoment(cancelDate);
  await tx.order.update({ where: { id: orderId }, data: { prepaymentRemindedAt: now } });
  await queueEmail(tx, {
    to: order.placedBy.email,
    subject: `Order ${order.number}: your payment has not arrived yet`,
    text: [
      `Your order ${order.number} waits for its payment: ${formatEuros(openCents)} ${openCents < order.totalCents ? "is still missing" : "has not arrived yet"}. Without it we cannot place the order with a manufacturing partner, and it is cancelled on ${cancelOn}.`,
      bankTransferInstructions(
        { id: order.id, paymentReference: order.paymentReference },
        openCents,
        cancelAfterDays,
      ),
      `If you have paid in the last two days, thank you: the transfer is on its way.\n\n${appUrl()}/orders/${order.id}`,
    ].join("\n\n"),
  });
  await recordAuditLog(tx, {
    companyId: order.buyerCompanyId,
    action: "order.prepayment-reminded",
    entityType: "Order",
    entityId: orderId,
    data: { openCents },
  });
  return true;
}

async function cancelUnpaid(tx: TransactionClient, orderId: string, cancelAfterDays: number, now: Date) {
  const order = await lockWaitingOrder(tx, orderId);
  if (!order) return false;
  const note = `Not paid within ${cancelAfterDays} days`;
  for (const line of order.lines)
    if (line.status !== "CANCELLED") await moveOrderLine(tx, { orderLineId: line.id, to: "CANCELLED", note });
  await tx.payment.updateMany({ where: { orderId, status: "PENDING" }, data: { status: "FAILED" } });
  await moveOrder(tx, {
    orderId,
    from: "AWAITING_PAYMENT",
    to: "CANCELLED",
    note,
    set: { cancelledAt: now },
  });
  const creditCents = await creditCancelledBankPayments(tx, orderId);
  await queueEmail(tx, {
    to: order.placedBy.email,
    subject: `Order ${order.number} is cancelled: no payment`,
    text: [
      `We cancelled order ${order.number}: its payment of ${formatEuros(order.totalCents)} did not arrive within ${cancelAfterDays} days.`,
      creditCents > 0
        ? `We transfer the ${formatEuros(creditCents)} you paid back to the account it came from.`
        : "Nothing was charged.",
      `To order the parts after all, open the order and choose "Order again": ${appUrl()}/orders/${order.id}`,
    ].join("\n\n"),
  });
  await recordAuditLog(tx, {
    companyId: order.buyerCompanyId,
    action: "order.cancelled",
    entityType: "Order",
    entityId: orderId,
    data: { reason: note, bankCreditCents: creditCents },
  });
  return true;
}
