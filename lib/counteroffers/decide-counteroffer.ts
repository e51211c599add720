import { z } from "zod";
import type { Database } from "../db/prisma";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { AppError } from "../errors/app-error";
import { formatDeadline } from "../dates/format-deadline";
import { acceptCounteroffer, counterofferToSettleInclude, declineCounteroffer } from "./settle-counteroffer";
import { applyPriceSupplement } from "./apply-price-supplement";
import { closeSupplementPayments, expireSupplementSessions } from "./close-supplement-payments";

export const counterofferDecisionSchema = z.object({
  counterofferId: z.string().min(1),
  decision: z.enum(["accept", "decline"], { error: "Choose to accept or decline." }),
});

const settledAs = { accept: "ACCEPTED", decline: "DECLINED" } as const;

/**
 * The buyer accepts or declines a counteroffer that changes the delivery date or raises the price beyond
 * the margin rule, before its deadline. A higher price on an invoice order is accepted here with its
 * supplementary invoice (docs/decisions/0047); on a card or prepayment order it is accepted by paying the
 * difference (`startSupplementCheckout`), so accepting here is refused with that. Locks
 * the line, then the offer, then the counteroffer, and changes it only while it awaits the buyer: a second
 * click with the same decision finds it settled as asked and does nothing again; the other decision, or a
 * decision after the deadline or a withdrawal, is refused with what happened.
 */
export async function decideCounteroffer(
  db: Database,
  buyer: { userId: string; companyId: string },
  input: unknown,
  now = new Date(),
): Promise<{ orderId: string; status: "ACCEPTED" | "DECLINED"; raisesPrice: boolean }> {
  const { counterofferId, decision } = counterofferDecisionSchema.parse(input);
  let closedSessions: string[] = [];
  const decided = await withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "OrderLine" WHERE "id" = (SELECT o."orderLineId" FROM "Offer" o JOIN "Counteroffer" k ON k."offerId" = o."id" WHERE k."id" = ${counterofferId}) FOR UPDATE`;
      await tx.$queryRaw`SELECT 1 FROM "Offer" WHERE "id" = (SELECT "offerId" FROM "Counteroffer" WHERE "id" = ${counterofferId}) FOR UPDATE`;
      await tx.$queryRaw`SELECT 1 FROM "Counteroffer" WHERE "id" = ${counterofferId} FOR UPDATE`;
      const counteroffer = await tx.counteroffer.findUnique({
        where: { id: counterofferId },
        include: counterofferToSettleInclude,
      });
      const order = counteroffer?.offer.orderLine.order;
      if (!counteroffer || order?.buyerCompanyId !== buyer.companyId)
        throw new AppError("not_found", "There is no such counteroffer on your orders.");
      const raisesPrice = counteroffer.buyerNetCents !== null;
      if (counteroffer.status === settledAs[decision])
        return { orderId: order.id, status: settledAs[decision], raisesPrice };
      if (counteroffer.status !== "AWAITING_BUYER")
        throw new AppError(
          "invalid_state_transition",
          {
            ACCEPTED: "You accepted this counteroffer already.",
            DECLINED: "You declined this counteroffer already; the line has gone to another partner.",
            EXPIRED:
              "The time to decide has passed: the counteroffer was declined and the line has gone to another partner.",
            WITHDRAWN:
              "This counteroffer was withdrawn (the order was cancelled or the line moved to another partner).",
          }[counteroffer.status],
        );
      if (!counteroffer.decideBy || counteroffer.decideBy <= now)
        throw new AppError(
          "invalid_state_transition",
          `The time to decide ended ${counteroffer.decideBy ? formatDeadline(counteroffer.decideBy) : ""}: the counteroffer is declined and the line goes to another partner.`,
        );
      if (decision === "accept" && raisesPrice && order.paymentMethod !== "INVOICE")
        throw new AppError(
          "invalid_state_transition",
          "Pay the difference by card to accept: the partner starts once it is paid.",
        );
      if (decision === "accept") {
        await acceptCounteroffer(tx, counteroffer, { by: "buyer", userId: buyer.userId }, now);
        await applyPriceSupplement(tx, counteroffer, { userId: buyer.userId }, now, null);
      } else {
        closedSessions = await closeSupplementPayments(tx, counteroffer.id);
        await declineCounteroffer(tx, counteroffer, { by: "buyer", userId: buyer.userId }, now);
      }
      return { orderId: order.id, status: settledAs[decision], raisesPrice };
    }),
  );
  await expireSupplementSessions(closedSessions);
  return decided;
}
