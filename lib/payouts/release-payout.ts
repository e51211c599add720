import type { TransactionClient } from "../db/prisma";
import { createPayout, type CreatedPayout } from "./create-payout";
import { movePayouts } from "./move-payouts";
import { payoutHeldReasons } from "./payout-method-for";

/**
 * Ends a payout's wait for the complaint window (docs/decisions/0031): once `dueAt` has passed, or at once
 * when `early` (the buyer confirmed "no complaint", or operations decided a complaint after the window),
 * its self-billing invoice is issued and the payout becomes due (lib/payouts/create-payout.ts, which also
 * sends the Stripe transfer's job in this transaction). The row stays locked meanwhile, so two workers
 * releasing it at once issue one invoice: the second finds it no longer WAITING and does nothing. A
 * complaint that is open holds it instead. Returns null when nothing was released.
 */
export async function releasePayout(
  tx: TransactionClient,
  payoutId: string,
  now: Date,
  options: { early?: boolean } = {},
): Promise<CreatedPayout | null> {
  const locked = await tx.$queryRaw<{ orderLineId: string; dueAt: Date | null }[]>`
    SELECT "orderLineId", "dueAt" FROM "Payout" WHERE "id" = ${payoutId} AND "status" = 'WAITING' FOR UPDATE`;
  const payout = locked[0];
  if (!payout) return null;
  if (!options.early && payout.dueAt && payout.dueAt > now) return null;
  const openComplaints = await tx.complaint.count({
    where: { orderLineId: payout.orderLineId, status: "OPEN" },
  });
  if (openComplaints > 0) {
    await movePayouts(tx, {
      where: { id: payoutId },
      from: ["WAITING"],
      to: "HELD",
      set: { heldReason: payoutHeldReasons.complaint },
    });
    return null;
  }
  return createPayout(tx, payout.orderLineId, now);
}
