import type { TransactionClient } from "../db/prisma";
import { movePayouts } from "./move-payouts";
import { releasePayout } from "./release-payout";

/**
 * A payout held by a complaint inside the complaint window, once operations decided it in the partner's
 * favour: it waits for the window again (its `dueAt` is unchanged), and is released at once when the window
 * closed while the complaint was open or the buyer had confirmed "no complaint" (docs/decisions/0031).
 */
export async function resumeComplaintWindow(tx: TransactionClient, payoutId: string, now: Date) {
  await movePayouts(tx, {
    where: { id: payoutId },
    from: ["HELD"],
    to: "WAITING",
    set: { heldReason: null },
  });
  const payout = await tx.payout.findUniqueOrThrow({
    where: { id: payoutId },
    select: { dueAt: true, orderLine: { select: { noComplaintConfirmedAt: true } } },
  });
  const early = payout.orderLine.noComplaintConfirmedAt !== null;
  if (early || !payout.dueAt || payout.dueAt <= now) await releasePayout(tx, payoutId, now, { early: true });
}
