import type { TransactionClient } from "../db/prisma";
import { findPaymentReferences } from "./payment-reference";

/**
 * The order a credit entry pays, by the references in its remittance information and end-to-end id:
 * a prepayment order's creditor reference (or its order number), or an invoice number. Null when no
 * order or more than one is named: operations decide those by hand.
 */
export async function findOrderForEntry(
  tx: TransactionClient,
  entry: { remittanceInfo: string; endToEndId: string | null },
): Promise<string | null> {
  const text = `${entry.remittanceInfo} ${entry.endToEndId ?? ""}`;
  const references = findPaymentReferences(text);
  const invoiceNumbers = [...text.toUpperCase().matchAll(/\bINV[\s\-./]*(\d{4})[\s\-./]*(\d{6})\b/g)].map(
    ([, year, counter]) => `INV-${year}-${counter}`,
  );
  if (references.length === 0 && invoiceNumbers.length === 0) return null;
  const orders = await tx.order.findMany({
    where: {
      OR: [
        ...(references.length > 0 ? [{ paymentReference: { in: references } }] : []),
        ...(invoiceNumbers.length > 0
          ? [{ invoices: { some: { kind: "BUYER_INVOICE" as const, number: { in: invoiceNumbers } } } }]
          : []),
      ],
    },
    select: { id: true },
  });
  return orders.length === 1 ? orders[0]!.id : null;
}
