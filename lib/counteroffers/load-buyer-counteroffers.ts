import type { Database } from "../db/prisma";

/**
 * The counteroffers a buyer has to know about on one of its orders: those that asked it about a later
 * delivery date (waiting, accepted, declined, or declined at the deadline). Only dates: the partner's price
 * and note are between the partner and the platform, and one accepted within the buyer's date changed
 * nothing for the buyer.
 */
export async function loadBuyerCounteroffers(db: Database, companyId: string, orderId: string) {
  const rows = await db.counteroffer.findMany({
    where: {
      acceptedAutomatically: false,
      status: { in: ["AWAITING_BUYER", "ACCEPTED", "DECLINED", "EXPIRED"] },
      offer: { orderLine: { orderId, order: { buyerCompanyId: companyId } } },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      offeredDeliveryDate: true,
      proposedDeliveryDate: true,
      decideBy: true,
      decidedAt: true,
      offer: { select: { orderLineId: true } },
    },
  });
  return rows.map(({ offer, ...counteroffer }) => ({ ...counteroffer, orderLineId: offer.orderLineId }));
}

export type BuyerCounteroffer = Awaited<ReturnType<typeof loadBuyerCounteroffers>>[number];
