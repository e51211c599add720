import { withdrawCounteroffer } from "../counteroffers/settle-counteroffer";
import { moveOffers } from "../matching/move-offers";
import type { TransactionClient } from "../db/prisma";
import { releaseOfferCapacity } from "../matching/respond-to-offer";
import { moveOrderLine } from "../orders/change-order-line-status";

/**
 * Withdraws every pending offer of a supplier (and countered one waiting for the buyer) (suspended, or its audit rejected): each offer becomes
 * WITHDRAWN with the reason, its held hours are released, and its line waits for the next supplier.
 * Conditional on PENDING, so an offer accepted a moment earlier stays accepted. Returns the orders whose
 * lines now wait, for the caller to ask for matching once the transaction has committed.
 */
export async function withdrawOpenOffers(
  tx: TransactionClient,
  companyId: string,
  reason: string,
  actorUserId: string,
  now: Date,
): Promise<{ withdrawnOfferIds: string[]; orderIds: string[] }> {
  const pending = await tx.$queryRaw<
    { id: string; orderLineId: string; orderId: string; status: "PENDING" | "COUNTERED" }[]
  >`
    SELECT o."id", o."orderLineId", l."orderId", o."status"::text AS "status" FROM "Offer" o JOIN "OrderLine" l ON l."id" = o."orderLineId"
     WHERE o."supplierCompanyId" = ${companyId}
       AND (o."status" = 'PENDING' OR (o."status" = 'COUNTERED' AND EXISTS (
         SELECT 1 FROM "Counteroffer" k WHERE k."offerId" = o."id" AND k."status" = 'AWAITING_BUYER')))
     ORDER BY o."createdAt" FOR UPDATE OF o`;
  for (const offer of pending) {
    await moveOffers(tx, {
      where: { id: offer.id },
      from: [offer.status],
      to: "WITHDRAWN",
      set: { withdrawReason: reason },
    });
    await withdrawCounteroffer(tx, offer.id, now);
    await releaseOfferCapacity(tx, offer.id, now);
    await moveOrderLine(tx, {
      orderLineId: offer.orderLineId,
      to: "AWAITING_MATCH",
      actorUserId,
      note: `Offer withdrawn: ${reason}`,
    });
  }
  return {
    withdrawnOfferIds: pending.map((offer) => offer.id),
    orderIds: [...new Set(pending.map((offer) => offer.orderId))],
  };
}
