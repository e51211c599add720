import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { issueCreditNote } from "./issue-credit-note";
import { refundableCents } from "./refundable-cents";
import { requestRefund } from "./request-refund";

export interface OrderRefund {
  orderId: string;
  /** Gross, VAT included; null for everything still refundable. */
  amountCents: number | null;
  reason: string;
  complaintId?: string | null;
  requestedById?: string | null;
}

/**
 * Gives money back on an order inside the caller's transaction: a card order gets a Stripe refund
 * (PENDING here; `sendRefund` after commit, which issues the credit note once Stripe has refunded), an
 * invoice order a credit note at once, which lowers what is due. Returns what to send after commit.
 */
export async function refundOrder(
  tx: TransactionClient,
  refund: OrderRefund,
  now: Date,
): Promise<{ refundId: string | null; creditNoteNumber: string | null; amountCents: number }> {
  // Refunds of one order sent at the same moment (a double click, a complaint decided meanwhile) are
  // counted one after another: each reads what the ones before it credited (walk 7).
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${refund.orderId} FOR UPDATE`;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: refund.orderId },
    include: {
      payments: { include: { refunds: { select: { status: true, amountCents: true, creditNoteId: true } } } },
      invoices: {
        where: { kind: { in: ["BUYER_INVOICE", "CREDIT_NOTE"] } },
        select: { kind: true, totalCents: true },
      },
    },
  });
  const amountCents = refund.amountCents ?? refundableCents(order);
  if (order.paymentMethod === "CARD") {
    if (amountCents === 0) return { refundId: null, creditNoteNumber: null, amountCents: 0 };
    const created = await requestRefund(tx, { ...refund, amountCents });
    return { refundId: created.id, creditNoteNumber: null, amountCents };
  }
  if (!order.invoices.some((invoice) => invoice.kind === "BUYER_INVOICE")) {
    if (refund.amountCents)
      throw new AppError("invalid_state_transition", "This order has no invoice to credit yet.");
    return { refundId: null, creditNoteNumber: null, amountCents: 0 };
  }
  if (amountCents === 0) return { refundId: null, creditNoteNumber: null, amountCents: 0 };
  const creditNote = await issueCreditNote(tx, order.id, amountCents, refund.reason, now);
  return { refundId: null, creditNoteNumber: creditNote.number, amountCents };
}
