import type { Database } from "../db/prisma";
import type { BuyerOrder } from "../orders/load-buyer-order";

/** A counteroffer's price difference that was invoiced (docs/decisions/0047). */
export interface InvoicedSupplement {
  orderLineId: string;
  previousNetCents: number;
  netCents: number;
  invoiceId: string;
}

/** The order's invoiced price differences, oldest first. */
export async function loadInvoicedSupplements(db: Database, orderId: string): Promise<InvoicedSupplement[]> {
  const rows = await db.counteroffer.findMany({
    where: { supplementInvoiceId: { not: null }, offer: { orderLine: { orderId } } },
    orderBy: { decidedAt: "asc" },
    select: {
      buyerPreviousNetCents: true,
      buyerNetCents: true,
      supplementInvoiceId: true,
      offer: { select: { orderLineId: true } },
    },
  });
  return rows.map((row) => ({
    orderLineId: row.offer.orderLineId,
    previousNetCents: row.buyerPreviousNetCents!,
    netCents: row.buyerNetCents!,
    invoiceId: row.supplementInvoiceId!,
  }));
}

/**
 * The order as its first invoice billed it: an issued invoice never changes, so a line whose price a later
 * counteroffer raised shows its price before, and the totals are the invoice's own. Pure.
 */
export function asOriginallyInvoiced(order: BuyerOrder, supplements: InvoicedSupplement[]): BuyerOrder {
  const invoice = order.invoices.find((candidate) => candidate.kind === "BUYER_INVOICE");
  const later = new Set(supplements.map((supplement) => supplement.invoiceId));
  if (!invoice || later.has(invoice.id) || supplements.length === 0) return order;
  const firstPrice = new Map<string, number>();
  for (const supplement of supplements)
    if (!firstPrice.has(supplement.orderLineId))
      firstPrice.set(supplement.orderLineId, supplement.previousNetCents);
  return {
    ...order,
    subtotalCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    invoices: order.invoices.filter((candidate) => !later.has(candidate.id)),
    lines: order.lines.map((line) => {
      const cents = firstPrice.get(line.id);
      return cents === undefined
        ? line
        : { ...line, totalPriceCents: cents, unitPriceCents: Math.round(cents / line.quantity) };
    }),
  };
}

/**
 * The order as one supplementary invoice bills it: only the line whose price rose, at the difference, and
 * the invoice's own totals and number; null when the order has no such invoice. Pure.
 */
export function asSupplementInvoice(
  order: BuyerOrder,
  supplements: InvoicedSupplement[],
  invoiceNumber: string,
): BuyerOrder | null {
  const invoice = order.invoices.find((candidate) => candidate.number === invoiceNumber);
  const supplement = supplements.find((candidate) => candidate.invoiceId === invoice?.id);
  if (!invoice || !supplement) return null;
  const differenceCents = supplement.netCents - supplement.previousNetCents;
  return {
    ...order,
    subtotalCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    invoices: [invoice],
    lines: order.lines
      .filter((line) => line.id === supplement.orderLineId)
      .map((line) => ({
        ...line,
        part: { ...line.part, originalFileName: `Price difference: ${line.part.originalFileName}` },
        totalPriceCents: differenceCents,
        unitPriceCents: Math.round(differenceCents / line.quantity),
        smallOrderSurchargeCents: 0,
      })),
  };
}
