import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { autoConfirmDeliveryAfterDays, confirmDeliveryInTransaction } from "./confirm-delivery";

/**
 * The hourly job: lines shipped more than 7 days ago without an open complaint count as delivered, which
 * issues their partners' self-billing invoices and payouts. Returns the payouts to pay now.
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
  const payNow: string[] = [];
  for (const line of due) {
    try {
      const payout = await db.$transaction((tx) => confirmDeliveryInTransaction(tx, null, line.id, now));
      if (payout.payNow) payNow.push(payout.payoutId);
    } catch (error) {
      getLogger().warn({ err: error, orderLineId: line.id }, "could not confirm a delivery automatically");
    }
  }
  return payNow;
}
