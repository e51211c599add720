import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { expireOffer } from "./respond-to-offer";
import { matchOrderLine, type MatchOutcome } from "./match-order-line";

/**
 * The matching job: places every line that waits for a supplier in a confirmed order (of one order, or
 * all), oldest first. Each line is its own transaction, so one failure leaves the others placed.
 */
export async function matchWaitingLines(
  db: Database,
  options: { orderId?: string; trigger: string; now?: Date },
): Promise<MatchOutcome[]> {
  const lines = await db.orderLine.findMany({
    where: {
      status: "AWAITING_MATCH",
      order: { status: { in: ["CONFIRMED", "IN_PROGRESS"] } },
      ...(options.orderId ? { orderId: options.orderId } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: 200,
  });
  const outcomes: MatchOutcome[] = [];
  for (const line of lines) {
    try {
      outcomes.push(await matchOrderLine(db, line.id, options.trigger, options.now));
    } catch (error) {
      getLogger().error({ err: error, orderLineId: line.id }, "matching an order line failed");
    }
  }
  return outcomes;
}

/**
 * The expiry job: every pending offer past its deadline expires (expireOffer, which also updates the
 * supplier's record), and the lines go to their next candidates. Returns what happened to each of those lines.
 */
export async function expireDueOffers(db: Database, now: Date = new Date()): Promise<MatchOutcome[]> {
  const due = await db.offer.findMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
    take: 500,
  });
  const outcomes: MatchOutcome[] = [];
  for (const offer of due) {
    const result = await expireOffer(db, offer.id, now);
    if (!result) continue;
    outcomes.push(await matchOrderLine(db, result.orderLineId, "offer expired", now));
  }
  return outcomes;
}
