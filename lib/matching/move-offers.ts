import type { OfferStatus } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { offerTransitions } from "./offer-transitions";
import { emitOfferWithdrawn } from "../webhooks/emit-offer-withdrawn";

export interface OfferMove {
  /** Which offers: the door adds "and still in one of `from`". */
  where: Prisma.OfferWhereInput;
  from: readonly OfferStatus[];
  to: OfferStatus;
  /** Fields that change with the status (answer time, reasons). */
  set?: Omit<Prisma.OfferUncheckedUpdateManyInput, "status">;
}

/**
 * The one door to an offer's status: refuses a move its transition table (offer-transitions.ts) does not
 * allow, and moves only the offers still in a `from` status, so of two concurrent answers one wins.
 * Returns how many moved; the caller says what none means.
 */
export async function moveOffers(tx: TransactionClient, move: OfferMove): Promise<number> {
  for (const from of move.from) offerTransitions.assertMove(from, move.to);
  const where = { AND: [move.where, { status: { in: [...move.from] } }] };
  const data = { ...move.set, status: move.to };
  // A withdrawn offer is news to its partner's systems (offer.withdrawn); other moves answer the partner.
  if (move.to === "WITHDRAWN") {
    const withdrawn = await tx.offer.updateManyAndReturn({ where, data });
    for (const offer of withdrawn) await emitOfferWithdrawn(tx, offer);
    return withdrawn.length;
  }
  const moved = await tx.offer.updateMany({ where, data });
  return moved.count;
}
