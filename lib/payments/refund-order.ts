import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { issueCreditNote } from "./issue-credit-note";
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
  const order = await tx.order.findUniqueOrThrow({ where: { id: refund.orderId } });
  if (order.paymentMethod === "CARD") {
    const amountCents = refund.amountCents ?? (await refundableCardCents(tx, order.id));
    if (amountCents === 0) return { refundId: null, creditNoteNumber: null, amountCents: 0 };
    const created = await requestRefund(tx, { ...refund, amountCents });
    return { refundId: created.id, creditNoteNumber: null, amountCents };
  }
  const invoice = await tx.invoice.findFirst({ where: { orderId: order.id, kind: "BUYER_INVOICE" } });
  if (!invoice) {
    if (refund.amountCents)
      throw new AppError("invalid_state_transition", "This order has no invoice to credit yet.");
    return { refundId: null, creditNoteNumber: null, amountCents: 0 };
  }
  const credited = await tx.invoice.aggregate({
    where: { orderId: order.id, kind: "CREDIT_NOTE" },
    _sum: { totalCents: true },
  });
  const amountCents = refund.amountCents ?? invoice.totalCents - (credited._sum.totalCents ?? 0);
  if (amountCents === 0) return { refundId: null, creditNoteNumber: null, amountCents: 0 };
  const creditNote = await issueCreditNote(tx, order.id, amountCents, refund.reason, now);
  return { refundId: null, creditNoteNumber: creditNote.number, amountCents };
}

/** What is left of the order's card payments after succeeded and pending refunds. */
async function refundableCardCents(tx: TransactionClient, orderId: string): Promise<number> {
  const payments = await tx.payment.findMany({
    where: { orderId, method: "CARD", status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } },
    include: {
      refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } }, select: { amountCents: true } },
    },
  });
  return payments.reduce(
    (sum, payment) =>
      sum + payment.amountCents - payment.refunds.reduce((part, refund) => part + refund.amountCents, 0),
    0,
  );
}
