import type { Database } from "../db/prisma";

/**
 * The counteroffers a buyer has to know about on one of its orders: those that asked it about a later
 * delivery date or a higher price (waiting, accepted, declined, or declined at the deadline). Dates and
 * the buyer's own line price before and after (docs/decisions/0047), with the payment of the difference
 * and the supplementary invoice: the partner's price and note are between the partner and the platform,
 * and one accepted within the rules changed nothing for the buyer.
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
      buyerPreviousNetCents: true,
      buyerNetCents: true,
      buyerVatPercent: true,
      supplementInvoice: { select: { number: true, status: true } },
      payments: {
        select: { status: true },
        orderBy: { createdAt: "desc" },
        take: 1,
      },
      offer: {
        select: { orderLineId: true, orderLine: { select: { order: { select: { paymentMethod: true } } } } },
      },
    },
  });
  return rows.map(({ offer, payments, ...counteroffer }) => ({
    ...counteroffer,
    orderLineId: offer.orderLineId,
    orderId,
    paymentMethod: offer.orderLine.order.paymentMethod,
    /** The latest attempt to pay the difference by card, if any. */
    paymentStatus: payments[0]?.status ?? null,
  }));
}

export type BuyerCounteroffer = Awaited<ReturnType<typeof loadBuyerCounteroffers>>[number];
