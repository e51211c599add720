import type { Database } from "../db/prisma";

/**
 * Every counteroffer on an order's lines for operations: partner, both prices and dates, note and outcome;
 * for a price beyond the margin rule the buyer's old and new line price, the payment of the difference and
 * the supplementary invoice (docs/decisions/0047).
 */
export async function loadOrderCounteroffers(db: Database, orderId: string) {
  const rows = await db.counteroffer.findMany({
    where: { offer: { orderLine: { orderId } } },
    orderBy: { createdAt: "asc" },
    include: {
      supplementInvoice: { select: { number: true, status: true, totalCents: true } },
      payments: { select: { status: true, amountCents: true }, orderBy: { createdAt: "desc" }, take: 1 },
      offer: {
        select: {
          supplierCompany: { select: { name: true } },
          orderLine: { select: { quantity: true, part: { select: { originalFileName: true } } } },
        },
      },
    },
  });
  return rows.map(({ offer, payments, ...counteroffer }) => ({
    ...counteroffer,
    latestPayment: payments[0] ?? null,
    supplier: offer.supplierCompany.name,
    line: `${offer.orderLine.quantity} × ${offer.orderLine.part.originalFileName}`,
  }));
}

export type OrderCounteroffer = Awaited<ReturnType<typeof loadOrderCounteroffers>>[number];
