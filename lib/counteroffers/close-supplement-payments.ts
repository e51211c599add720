import type { TransactionClient } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { getStripe } from "../payments/stripe-client";

/**
 * A counteroffer declined (by the buyer or its deadline) closes its open payment attempts for the price
 * difference inside the caller's transaction; returns their Checkout Sessions, which the caller expires at
 * Stripe after committing (`expireSupplementSessions`). A payment that still arrives is refunded
 * (`confirmSupplementPayment`).
 */
export async function closeSupplementPayments(
  tx: TransactionClient,
  counterofferId: string,
): Promise<string[]> {
  const open = await tx.payment.findMany({
    where: { counterofferId, status: "PENDING" },
    select: { id: true, stripeCheckoutSessionId: true },
  });
  if (open.length === 0) return [];
  await tx.payment.updateMany({
    where: { id: { in: open.map((payment) => payment.id) }, status: "PENDING" },
    data: { status: "FAILED" },
  });
  return open.flatMap((payment) =>
    payment.stripeCheckoutSessionId ? [payment.stripeCheckoutSessionId] : [],
  );
}

/** Best effort: a session that cannot be expired ends by itself, and a late payment is refunded. */
export async function expireSupplementSessions(sessionIds: string[]): Promise<void> {
  const stripe = getStripe();
  if (!stripe) return;
  for (const id of sessionIds)
    try {
      const session = await stripe.checkout.sessions.retrieve(id);
      if (session.status === "open") await stripe.checkout.sessions.expire(id);
    } catch (error) {
      getLogger().warn({ err: error, sessionId: id }, "Could not expire a counteroffer's payment page");
    }
}
