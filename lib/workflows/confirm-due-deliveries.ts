import type { Database } from "../db/prisma";
import { runForEach } from "../jobs/run-for-each";
import { autoConfirmDeliveryAfterDays, confirmDeliveryInTransaction } from "./confirm-delivery";

/**
 * The hourly job: lines shipped more than 7 days ago without an open complaint count as delivered, which
 * opens their complaint windows and creates their suppliers' payouts, waiting for the windows to close.
 * Returns the payouts created; a line that fails does not stop the others and makes the job retry.
 */
export async function confirmDueDeliveries(db: Database, now = new Date()): Promise<string[]> {
  const due = await db.orderLine.findMany({
    where: {
      status: "SHIPPED",
      shippedAt: { lte: new Date(now.getTime() - autoConfirmDeliveryAfterDays * 86_400_000) },
      complaints: { none: { status: "OPEN" } },
    },
    select: { id: true },
    take: 500,
  });
  const payouts = await runForEach(
    due.map((line) => line.id),
    (orderLineId) => db.$transaction((tx) => confirmDeliveryInTransaction(tx, null, orderLineId, now)),
    "automatic delivery confirmation",
  );
  return payouts.flatMap((payout) => (payout.payoutId ? [payout.payoutId] : []));
}
