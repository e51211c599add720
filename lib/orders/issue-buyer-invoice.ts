import type { TransactionClient } from "../db/prisma";
import { nextDocumentNumber } from "./next-document-number";

/** Issues the buyer's invoice for a confirmed invoice order, due after the company's payment terms. */
export async function issueBuyerInvoice(
  tx: TransactionClient,
  order: {
    id: string;
    buyerCompanyId: string;
    subtotalCents: number;
    vatCents: number;
    totalCents: number;
    currency: string;
  },
  paymentTermsDays: number,
  now: Date,
) {
  const existing = await tx.invoice.findFirst({ where: { orderId: order.id, kind: "BUYER_INVOICE" } });
  if (existing) return existing;
  return tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "INV", now),
      kind: "BUYER_INVOICE",
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
}
