import type { BankEntryOutcome } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { requestMatching } from "../matching/request-matching";
import { formatEuros } from "../money/format-euros";
import { queueEmail } from "../notifications/queue-email";
import { issueBuyerInvoice } from "../orders/issue-buyer-invoice";
import { moveOrder } from "../orders/move-order";
import { openAmountCents } from "./open-amount-cents";
import { formatPaymentReference } from "./payment-reference";

export interface AppliedBankPayment {
  outcome: Exclude<BankEntryOutcome, "UNMATCHED">;
  appliedCents: number;
  surplusCents: number;
}

/**
 * Books a bank statement's credit entry against an order, inside the statement's transaction, with the
 * order row locked: what the order still needs becomes a BANK_TRANSFER Payment (SUCCEEDED); what it did
 * not need is the entry's surplus, a credit for operations to refund or keep. When the order is paid in
 * full, a prepayment order is CONFIRMED through the order door with its invoice issued as paid (which
 * posts its ledger entries, as for a card payment) and matching requested, all in this transaction; an
 * invoice order's open invoice is marked paid. Paid partly, the order waits and the buyer is e-mailed
 * what is missing. Money for an order that is not waiting for it (paid, cancelled, not yet approved) is
 * all surplus. Updates the entry with the outcome.
 */
export async function applyBankPayment(
  tx: TransactionClient,
  entry: { id: string; amountCents: number; currency: string },
  orderId: string,
  actorUserId: string,
  now: Date,
): Promise<AppliedBankPayment> {
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      payments: { select: { method: true, status: true, amountCents: true } },
      invoices: { select: { kind: true, status: true, totalCents: true, id: true } },
      buyerCompany: { select: { paymentTermsDays: true } },
      placedBy: { select: { email: true } },
    },
  });
  const waitingForMoney =
    entry.currency === order.currency &&
    ((order.paymentMethod === "BANK_TRANSFER" && order.status === "AWAITING_PAYMENT") ||
      (order.paymentMethod === "INVOICE" &&
        order.invoices.some((invoice) => invoice.kind === "BUYER_INVOICE" && invoice.status === "ISSUED")));
  const openCents = waitingForMoney ? openAmountCents(order) : 0;
  const appliedCents = Math.min(entry.amountCents, openCents);
  const surplusCents = entry.amountCents - appliedCents;
  const paidInFull = appliedCents > 0 && appliedCents === openCents;
  const outcome = surplusCents > 0 ? "OVERPAID" : paidInFull ? "PAID" : "PARTIAL";

  if (appliedCents > 0)
    await tx.payment.create({
      data: {
        orderId,
        method: "BANK_TRANSFER",
        status: "SUCCEEDED",
        amountCents: appliedCents,
        currency: order.currency,
        idempotencyKey: `bank-entry-${entry.id}`,
      },
    });
  await tx.bankStatementEntry.update({
    where: { id: entry.id },
    data: {
      outcome,
      orderId,
      appliedCents,
      surplusCents,
      creditStatus: surplusCents > 0 ? "OPEN" : null,
    },
  });
  const reference = order.paymentReference ? formatPaymentReference(order.paymentReference) : order.number;
  const orderUrl = `${appUrl()}/orders/${order.id}`;
  if (paidInFull && order.paymentMethod === "BANK_TRANSFER") {
    await moveOrder(tx, {
      orderId,
      from: "AWAITING_PAYMENT",
      to: "CONFIRMED",
      actorUserId,
      note: "Bank transfer received",
      set: { confirmedAt: now },
    });
    await issueBuyerInvoice(tx, order, order.buyerCompany.paymentTermsDays, now, now);
    await requestMatching(tx, orderId, "prepayment received");
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Order ${order.number}: payment received`,
      text: `We received your bank transfer for order ${order.number}: it is paid in full. We now place it with a manufacturing partner; your invoice is on the order page.${surplusCents > 0 ? `\n\nYou transferred ${formatEuros(surplusCents)} more than the order's total; we will contact you to refund it.` : ""}\n\n${orderUrl}`,
    });
  } else if (paidInFull) {
    const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE")!;
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: now } });
  } else if (appliedCents > 0) {
    await queueEmail(tx, {
      to: order.placedBy.email,
      subject: `Order ${order.number}: ${formatEuros(openCents - appliedCents)} still missing`,
      text: `We received ${formatEuros(appliedCents)} for order ${order.number}, but ${formatEuros(openCents - appliedCents)} is still missing. Please transfer the rest with the same reference, ${reference}, to the account on the pro-forma invoice; we start once the whole amount is here.\n\n${orderUrl}`,
    });
  }
  await recordAuditLog(tx, {
    actorUserId,
    companyId: order.buyerCompanyId,
    action: "bank-transfer.applied",
    entityType: "Order",
    entityId: orderId,
    data: { entryId: entry.id, outcome, amountCents: entry.amountCents, appliedCents, surplusCents },
  });
  return { outcome, appliedCents, surplusCents };
}
