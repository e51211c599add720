export interface OrderMoney {
  totalCents: number;
  payments: readonly { method: string; status: string; amountCents: number }[];
  invoices: readonly { kind: string; status: string; totalCents: number }[];
}

/**
 * What the buyer still owes on an order (gross cents): the invoice less its credit notes (the order's
 * total before the invoice is issued) less the bank transfers received for it; 0 once the invoice is paid
 * or cancelled. Never negative: money beyond it is a credit kept on the bank statement entry.
 */
export function openAmountCents(order: OrderMoney): number {
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  if (invoice && invoice.status !== "ISSUED") return 0;
  const credited = order.invoices
    .filter((candidate) => candidate.kind === "CREDIT_NOTE")
    .reduce((sum, creditNote) => sum + creditNote.totalCents, 0);
  const due = invoice ? invoice.totalCents - credited : order.totalCents;
  const received = order.payments
    .filter((payment) => payment.method === "BANK_TRANSFER" && payment.status === "SUCCEEDED")
    .reduce((sum, payment) => sum + payment.amountCents, 0);
  return Math.max(0, due - received);
}
