import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { issueCreditNote } from "./issue-credit-note";

/**
 * The money is back with the buyer: Stripe says the refund `succeeded` (its answer, a refund webhook or
 * the sweep's look-up, whichever comes first), or operations recorded the bank transfer that follows up a
 * failed card refund. The refund becomes SUCCEEDED once, the payment's refunded total grows, the buyer
 * gets a credit note (unless a card refund that bounced already gave one, carried over to this follow-up)
 * and is told. Returns false when it was completed (or failed) before.
 */
export async function completeRefund(
  tx: TransactionClient,
  refundId: string,
  stripeRefundId: string | null,
  now = new Date(),
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Refund" WHERE "id" = ${refundId} AND "status" = 'PENDING' FOR UPDATE`;
  if (locked.length === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: {
      creditNote: { select: { id: true, number: true } },
      payment: { include: { order: { include: { placedBy: { select: { email: true } } } } } },
    },
  });
  const { payment } = refund;
  const refundedCents = payment.refundedCents + refund.amountCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedCents, status: refundedCents >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
  // A payment that never confirmed its order (it came after a cancellation) has no invoice to credit.
  // Nor has the payment of a counteroffer's price difference that came after the counteroffer ended
  // (docs/decisions/0047): only a difference with its supplementary invoice is credited.
  const invoiced = payment.counterofferId
    ? await tx.invoice.count({ where: { supplementFor: { id: payment.counterofferId } } })
    : await tx.invoice.count({ where: { orderId: payment.orderId, kind: "BUYER_INVOICE" } });
  const creditNote =
    refund.creditNote ??
    (invoiced ? await issueCreditNote(tx, payment.orderId, refund.amountCents, refund.reason, now) : null);
  const byBank = refund.method === "BANK_TRANSFER";
  await tx.refund.update({
    where: { id: refund.id },
    data: {
      status: "SUCCEEDED",
      completedAt: now,
      creditNoteId: creditNote?.id ?? null,
      ...(stripeRefundId && { stripeRefundId, stripeStatus: "succeeded" }),
    },
  });
  await recordAuditLog(tx, {
    action: "refund.succeeded",
    companyId: payment.order.buyerCompanyId,
    entityType: "Refund",
    entityId: refund.id,
    data: {
      method: refund.method,
      stripeRefundId,
      bankReference: refund.bankReference,
      amountCents: refund.amountCents,
      creditNote: creditNote?.number ?? null,
    },
  });
  const how = byBank
    ? `We transferred ${formatEuros(refund.amountCents)} to your bank account (${refund.reason}; reference ${refund.bankReference ?? "–"}).`
    : `We refunded ${formatEuros(refund.amountCents)} to your card (${refund.reason}). Your bank shows it within 5 to 10 days.`;
  await queueEmail(tx, {
    to: payment.order.placedBy.email,
    subject: `Order ${payment.order.number}: ${formatEuros(refund.amountCents)} refunded`,
    text: `${how}${creditNote ? ` Credit note ${creditNote.number} is on the order page.` : ""}\n\n${appUrl()}/orders/${payment.orderId}`,
  });
  return true;
}
