import type { Database } from "../db/prisma";

/** Every counteroffer on an order's lines for operations: partner, both prices and dates, note and outcome. */
export async function loadOrderCounteroffers(db: Database, orderId: string) {
  const rows = await db.counteroffer.findMany({
    where: { offer: { orderLine: { orderId } } },
    orderBy: { createdAt: "asc" },
    include: {
      offer: {
        select: {
          supplierCompany: { select: { name: true } },
          orderLine: { select: { quantity: true, part: { select: { originalFileName: true } } } },
        },
      },
    },
  });
  return rows.map(({ offer, ...counteroffer }) => ({
    ...counteroffer,
    supplier: offer.supplierCompany.name,
    line: `${offer.orderLine.quantity} × ${offer.orderLine.part.originalFileName}`,
  }));
}

export type OrderCounteroffer = Awaited<ReturnType<typeof loadOrderCounteroffers>>[number];
