/**
 * Refunds that count against a payment: made, or on their way to Stripe; and a card refund that came back
 * after its credit note was issued (FAILED with a credit note): the buyer is still owed that money until
 * operations follow it up, and the follow-up takes the credit note over. A refund that failed before any
 * credit note frees its amount.
 */
const countingRefundStatuses = new Set(["PENDING", "SUCCEEDED"]);
const counts = (refund: { status: string; creditNoteId?: string | null }) =>
  countingRefundStatuses.has(refund.status) || (refund.status === "FAILED" && Boolean(refund.creditNoteId));
const refundableCardStatuses = new Set(["SUCCEEDED", "PARTIALLY_REFUNDED"]);

interface CardPaymentWithRefunds {
  method?: string;
  status: string;
  amountCents: number;
  refunds: readonly { status: string; amountCents: number; creditNoteId?: string | null }[];
}

/** What is left to refund on one card payment (cents): 0 unless it succeeded; less refunds made or pending. */
export function cardPaymentLeftCents(payment: CardPaymentWithRefunds): number {
  if (!refundableCardStatuses.has(payment.status) || (payment.method && payment.method !== "CARD")) return 0;
  return payment.refunds
    .filter(counts)
    .reduce((left, refund) => left - refund.amountCents, payment.amountCents);
}

/**
 * What can still be given back on an order (gross cents): for a card order what is left on its card
 * payments; for an invoice order its invoice less the credit notes issued against it.
 */
export function refundableCents(order: {
  paymentMethod: "CARD" | "INVOICE" | "BANK_TRANSFER";
  payments: readonly CardPaymentWithRefunds[];
  invoices: readonly { kind: string; totalCents: number }[];
}): number {
  if (order.paymentMethod === "CARD")
    return order.payments.reduce((sum, payment) => sum + cardPaymentLeftCents(payment), 0);
  const total = (kind: string) =>
    order.invoices
      .filter((invoice) => invoice.kind === kind)
      .reduce((sum, invoice) => sum + invoice.totalCents, 0);
  return total("BUYER_INVOICE") - total("CREDIT_NOTE");
}
