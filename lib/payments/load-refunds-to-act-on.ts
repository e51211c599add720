import type { Database } from "../db/prisma";
import { isCardRefundWorthRetrying } from "./describe-refund-failure";

/**
 * Refunds operations must see on the payments page: failed ones nobody has followed up yet (with whether
 * the buyer already holds a credit note, i.e. the card refund came back after succeeding, and whether
 * trying the card again can work), and card refunds still waiting for Stripe.
 */
export async function loadRefundsToActOn(db: Database) {
  const withOrder = {
    payment: {
      select: {
        order: { select: { id: true, number: true, buyerCompany: { select: { name: true } } } },
      },
    },
  } as const;
  const [failed, waiting] = await Promise.all([
    db.refund.findMany({
      where: { status: "FAILED", followUp: null },
      orderBy: { failedAt: "asc" },
      take: 200,
      include: withOrder,
    }),
    db.refund.findMany({
      where: { status: "PENDING", method: "STRIPE" },
      orderBy: { createdAt: "asc" },
      take: 200,
      include: withOrder,
    }),
  ]);
  return {
    failed: failed.map((refund) => ({
      ...refund,
      order: refund.payment.order,
      bounced: refund.creditNoteId !== null,
      cardWorthRetrying: isCardRefundWorthRetrying(refund.failureReason),
    })),
    waiting: waiting.map((refund) => ({ ...refund, order: refund.payment.order })),
  };
}
