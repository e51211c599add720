import type { OrderLineStatus } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";

/** Line statuses after which a line needs no more machine hours: its parts are made, or never will be. */
const doneStatuses: readonly OrderLineStatus[] = ["SHIPPED", "CANCELLED"];

/**
 * Gives back the hours an order line still holds once it moves to a status that needs none (shipped or
 * cancelled): a job shipped early frees the rest of its weeks for other jobs, a cancelled one all of them.
 * Issue 21: before, only offers' answers released hours, so a shipped job kept its weeks full.
 */
export async function releaseLineCapacity(
  tx: TransactionClient,
  orderLineId: string,
  to: OrderLineStatus,
  now: Date = new Date(),
): Promise<number> {
  if (!doneStatuses.includes(to)) return 0;
  const released = await tx.capacityReservation.updateMany({
    where: { orderLineId, releasedAt: null },
    data: { releasedAt: now },
  });
  return released.count;
}
