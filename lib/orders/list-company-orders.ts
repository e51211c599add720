import type { Database } from "../db/prisma";

/** A buyer company's orders, newest first, with their lines' parts and states for the list. */
export async function listCompanyOrders(db: Database, companyId: string, limit = 100) {
  return db.order.findMany({
    where: { buyerCompanyId: companyId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: {
      placedBy: { select: { name: true } },
      lines: {
        select: {
          id: true,
          status: true,
          quantity: true,
          deliveryDate: true,
          part: { select: { originalFileName: true } },
        },
      },
    },
  });
}
