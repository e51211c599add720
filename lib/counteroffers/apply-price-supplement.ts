import type { TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { nextDocumentNumber } from "../documents/next-document-number";
import { postLedgerEntries } from "../ledger/post-ledger-entries";
import { paymentTermsDaysFor } from "../pricing/invoice-terms";
import { buyerPriceChange } from "./buyer-price-change";

export interface PriceSupplementCounteroffer {
  id: string;
  buyerPreviousNetCents: number | null;
  buyerNetCents: number | null;
  buyerVatPercent: number | null;
  supplementInvoiceId: string | null;
  offer: { orderLineId: string; orderLine: { orderId: string; quantity: number } };
}

/**
 * The buyer's side of an accepted counteroffer beyond the margin rule (docs/decisions/0047), inside the
 * caller's transaction (which holds the line, offer and counteroffer locks): a supplementary invoice for
 * the difference, numbered next in the buyer-invoice series (a rolled-back transaction takes its number
 * back, so the series stays gapless), at the order's VAT rate; already paid (`paidAt`) when the buyer paid
 * it by card, otherwise due after the company's payment terms. The line's and the order's totals grow by
 * the difference, and the ledger books it as the platform's margin until the partner's self-billing
 * invoice takes the partner's (new) price. Once only: a counteroffer that has its invoice returns it.
 */
export async function applyPriceSupplement(
  tx: TransactionClient,
  counteroffer: PriceSupplementCounteroffer,
  actor: { userId?: string },
  now: Date,
  paidAt: Date | null,
): Promise<{ invoiceId: string; invoiceNumber: string } | null> {
  const { buyerPreviousNetCents, buyerNetCents, buyerVatPercent } = counteroffer;
  if (buyerPreviousNetCents === null || buyerNetCents === null || buyerVatPercent === null) return null;
  if (counteroffer.supplementInvoiceId) {
    const issued = await tx.invoice.findUniqueOrThrow({ where: { id: counteroffer.supplementInvoiceId } });
    return { invoiceId: issued.id, invoiceNumber: issued.number };
  }
  const { orderId, quantity } = counteroffer.offer.orderLine;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      currency: true,
      buyerCompany: { select: { id: true, paymentTermsDays: true } },
    },
  });
  const { difference } = buyerPriceChange(buyerPreviousNetCents, buyerNetCents, buyerVatPercent);
  const paymentTermsDays = paidAt
    ? 0
    : await paymentTermsDaysFor(tx, { paymentTermsDays: order.buyerCompany.paymentTermsDays });
  const invoice = await tx.invoice.create({
    data: {
      number: await nextDocumentNumber(tx, "INV", now),
      kind: "BUYER_INVOICE",
      status: paidAt ? "PAID" : "ISSUED",
      paidAt,
      companyId: order.buyerCompany.id,
      orderId,
      netCents: difference.netCents,
      vatCents: difference.vatCents,
      totalCents: difference.grossCents,
      currency: order.currency,
      issuedAt: now,
      dueAt: new Date(now.getTime() + paymentTermsDays * 86_400_000),
      note: `Supplementary invoice: the price of one line rose from ${(buyerPreviousNetCents / 100).toFixed(2)} to ${(buyerNetCents / 100).toFixed(2)} ${order.currency} net after the buyer accepted the manufacturing partner's counteroffer.`,
    },
  });
  const linked = await tx.counteroffer.updateMany({
    where: { id: counteroffer.id, supplementInvoiceId: null },
    data: { supplementInvoiceId: invoice.id },
  });
  if (linked.count !== 1) throw new Error(`Counteroffer ${counteroffer.id} was invoiced meanwhile.`);
  // The line's frozen price becomes the accepted one; the unit price is its share per part, rounded.
  await tx.orderLine.update({
    where: { id: counteroffer.offer.orderLineId },
    data: { totalPriceCents: buyerNetCents, unitPriceCents: Math.round(buyerNetCents / quantity) },
  });
  await tx.order.update({
    where: { id: orderId },
    data: {
      subtotalCents: { increment: difference.netCents },
      vatCents: { increment: difference.vatCents },
      totalCents: { increment: difference.grossCents },
    },
  });
  await postLedgerEntries(tx, {
    orderId,
    orderLineId: counteroffer.offer.orderLineId,
    currency: order.currency,
    sourceType: "Invoice",
    sourceId: invoice.id,
    description: `Supplementary invoice ${invoice.number}`,
    buyerCents: difference.grossCents,
    vatCents: difference.vatCents,
    supplierCents: 0,
    marginCents: difference.netCents,
  });
  await recordAuditLog(tx, {
    actorUserId: actor.userId,
    companyId: order.buyerCompany.id,
    action: "counteroffer.supplement-invoiced",
    entityType: "Counteroffer",
    entityId: counteroffer.id,
    data: {
      invoiceNumber: invoice.number,
      orderNumber: order.number,
      previousNetCents: buyerPreviousNetCents,
      netCents: buyerNetCents,
      differenceGrossCents: difference.grossCents,
      paid: paidAt !== null,
    },
  });
  return { invoiceId: invoice.id, invoiceNumber: invoice.number };
}
