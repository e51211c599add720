import type { TransactionClient } from "../db/prisma";
import { postLedgerEntries } from "../ledger/post-ledger-entries";
import { paymentTermsDaysFor } from "../pricing/invoice-terms";
import { nextDocumentNumber } from "../documents/next-document-number";
import { emitInvoiceIssued } from "../webhooks/emit-invoice-issued";

/**
 * Issues the buyer's invoice for a confirmed order, once: due after the company's payment terms (null: the
 * platform's invoice terms in the settings) for an invoice order, or already paid (`paidAt`) for a card payment. Posts the charge into the order's ledger:
 * the whole net amount is the platform's margin until a supplier's self-billing invoice takes its share.
 */
export async function issueBuyerInvoice(
  tx: TransactionClient,
  order: {
    id: string;
    number?: string;
    buyerCompanyId: string;
    subtotalCents: number;
    vatCents: number;
    totalCents: number;
    currency: string;
  },
  companyPaymentTermsDays: number | null,
  now: Date,
  paidAt: Date | null = null,
) {
  const existing = await tx.invoice.findFirst({ where: { orderId: order.id, kind: "BUYER_INVOICE" } });
  if (existing) return existing;
  const paymentTermsDays = paidAt
    ? 0
    : await paymentTermsDaysFor(tx, { paymentTermsDays: companyPaymentTermsDays });
  const invoice = await tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "INV", now),
      kind: "BUYER_INVOICE",
      status: paidAt ? "PAID" : "ISSUED",
      paidAt,
      companyId: order.buyerCompanyId,
      orderId: order.id,
      netCents: order.subtotalCents,
      vatCents: order.vatCents,
      totalCents: order.totalCents,
      currency: order.currency,
      issuedAt: now,
      dueAt: new Date(now.getTime() + paymentTermsDays * 86_400_000),
    },
  });
  await emitInvoiceIssued(tx, invoice);
  await postLedgerEntries(tx, {
    orderId: order.id,
    currency: order.currency,
    sourceType: "Invoice",
    sourceId: invoice.id,
    description: `Invoice ${invoice.number}`,
    buyerCents: order.totalCents,
    vatCents: order.vatCents,
    supplierCents: 0,
    marginCents: order.subtotalCents,
  });
  return invoice;
}
