import type { Database } from "../db/prisma";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { appUrl } from "../env";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { counterofferToSettleInclude, declineCounteroffer } from "./settle-counteroffer";
import { closeSupplementPayments, expireSupplementSessions } from "./close-supplement-payments";

/**
 * The deadline job (run with the offers' expiry job, scheduled at each counteroffer's deadline and every
 * minute): each counteroffer the buyer did not decide in time is declined, its hours released and its line
 * sent back to the matcher; the buyer is told. Conditional on AWAITING_BUYER under the same locks as the
 * buyer's decision, so a decision racing the deadline ends in one state. Returns the counteroffers declined.
 */
export async function expireDueCounteroffers(db: Database, now = new Date()): Promise<string[]> {
  const due = await db.counteroffer.findMany({
    where: { status: "AWAITING_BUYER", decideBy: { lte: now } },
    select: { id: true },
    orderBy: { decideBy: "asc" },
    take: 500,
  });
  const expired: string[] = [];
  const closedSessions: string[] = [];
  for (const { id } of due) {
    const done = await withTransactionRetry(() =>
      db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT o."orderLineId" FROM "Offer" o JOIN "Counteroffer" k ON k."offerId" = o."id" WHERE k."id" = ${id}) FOR UPDATE`;
        await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = (SELECT "offerId" FROM "Counteroffer" WHERE "id" = ${id}) FOR UPDATE`;
        const counteroffer = await tx.counteroffer.findFirst({
          where: { id, status: "AWAITING_BUYER", decideBy: { lte: now } },
          include: counterofferToSettleInclude,
        });
        if (!counteroffer) return false;
        closedSessions.push(...(await closeSupplementPayments(tx, counteroffer.id)));
        await declineCounteroffer(tx, counteroffer, { by: "deadline" }, now);
        const order = counteroffer.offer.orderLine.order;
        // A higher price (docs/decisions/0047) lapses unpaid or undecided; the buyer keeps its price.
        const price = counteroffer.buyerNetCents !== null;
        await queueCompanyEmail(tx, order.buyerCompanyId, {
          subject: price
            ? `Order ${order.number}: the higher price was declined`
            : `Order ${order.number}: the later delivery date was declined`,
          text: price
            ? `You did not ${order.paymentMethod === "INVOICE" ? "accept" : "accept and pay"} the partner's higher price for order ${order.number} in time, so it was declined; nothing is charged, and we are offering the line to another partner at your price.\n\n${appUrl()}/orders/${order.id}`
            : `You did not decide on the partner's proposed delivery date for order ${order.number} in time, so it was declined; we are offering the line to another partner for your original date.\n\n${appUrl()}/orders/${order.id}`,
        });
        return true;
      }),
    );
    if (done) expired.push(id);
  }
  await expireSupplementSessions(closedSessions);
  return expired;
}
