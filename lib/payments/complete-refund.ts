import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { appUrl } from "../env";
import { queueEmail } from "../notifications/queue-email";
import { formatEuros } from "../money/format-euros";
import { issueCreditNote } from "./issue-credit-note";

/**
 * Stripe refunded the money (its answer to our request, or a refund webhook, whichever comes first): the
 * refund becomes SUCCEEDED once, the payment's refunded total grows, and the buyer gets a credit note.
 * Returns false when it was completed (or failed) before.
 */
export async function completeRefund(
  tx: TransactionClient,
  refundId: string,
  stripeRefundId: string,
  now = new Date(),
): Promise<boolean> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Refund" WHERE "id" = ${refundId} AND "status" = 'PENDING' FOR UPDATE`;
  if (locked.length === 0) return false;
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: { include: { order: { include: { placedBy: { select: { email: true } } } } } } },
  });
  const { payment } = refund;
  const refundedCents = payment.refundedCents + refund.amountCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedCents, status: refundedCents >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
  });
  // A payment that never confirmed its order (it came after a cancellation) has no invoice to credit.
  const invoiced = await tx.invoice.count({ where: { orderId: payment.orderId, kind: "BUYER_INVOICE" } });
  const creditNote = invoiced
    ? await issueCreditNote(tx, payment.orderId, refund.amountCents, refund.reason, now)
    : null;
  await tx.refund.update({
    where: { id: refund.id },
    data: { status: "SUCCEEDED", stripeRefundId, completedAt: now, creditNoteId: creditNote?.id ?? null },
  });
  await recordAuditLog(tx, {
    action: "refund.succeeded",
    companyId: payment.order.buyerCompanyId,
    entityType: "Refund",
    entityId: refund.id,
    data: { stripeRefundId, amountCents: refund.amountCents, creditNote: creditNote?.number ?? null },
  });
  await queueEmail(tx, {
    to: payment.order.placedBy.email,
    subject: `Order ${payment.order.number}: ${formatEuros(refund.amountCents)} refunded`,
    text: `We refunded ${formatEuros(refund.amountCents)} to your card (${refund.reason}). Your bank shows it within 5 to 10 days.${creditNote ? ` Credit note ${creditNote.number} is on the order page.` : ""}\n\n${appUrl()}/orders/${payment.orderId}`,
  });
  return true;
}
