import type { PayoutStatus } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { payoutTransitions } from "./payout-transitions";

export interface PayoutMove {
  /** Which payouts: the door adds "and still in one of `from`". */
  where: Prisma.PayoutWhereInput;
  from: readonly PayoutStatus[];
  to: PayoutStatus;
  /** Fields that change with the status (method, reasons, transfer ids). */
  set?: Omit<Prisma.PayoutUncheckedUpdateManyInput, "status">;
}

/**
 * The one door to a payout's status: refuses a move its transition table (payout-transitions.ts) does not
 * allow, and moves only the payouts still in a `from` status. Returns how many moved.
 */
export async function movePayouts(tx: TransactionClient, move: PayoutMove): Promise<number> {
  for (const from of move.from) payoutTransitions.assertMove(from, move.to);
  const moved = await tx.payout.updateMany({
    where: { AND: [move.where, { status: { in: [...move.from] } }] },
    data: { ...move.set, status: move.to },
  });
  return moved.count;
}
