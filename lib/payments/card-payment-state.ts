interface PaymentAttemptView {
  method: string;
  status: string;
  amountCents: number;
  stripePaymentIntentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type CardPaymentState<T extends PaymentAttemptView> =
  { kind: "processing"; payment: T } | { kind: "failed-at-bank"; payment: T } | null;

/**
 * What the order page says about a card order's Stripe payment while the order waits for it
 * (decision 0029): "processing" while a delayed method (SEPA Direct Debit) waits for the bank, so
 * the page neither offers to pay again nor says it went through; "failed-at-bank" when the latest
 * attempt was a payment the bank refused (it has a payment intent, unlike a session left to expire),
 * so the page says so above the button to pay again.
 */
export function cardPaymentState<T extends PaymentAttemptView>(payments: readonly T[]): CardPaymentState<T> {
  const card = payments.filter((payment) => payment.method === "CARD");
  const processing = card.find((payment) => payment.status === "PROCESSING");
  if (processing) return { kind: "processing", payment: processing };
  const latest = card.at(-1);
  if (latest?.status === "FAILED" && latest.stripePaymentIntentId)
    return { kind: "failed-at-bank", payment: latest };
  return null;
}
