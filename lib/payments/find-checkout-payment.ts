import type { TransactionClient } from "../db/prisma";

export interface CheckoutPaymentIds {
  /** The Payment row's id from the session's metadata. */
  paymentId: string | undefined;
  checkoutSessionId: string;
  paymentIntentId: string | undefined;
}

/**
 * The card payment attempt a Checkout Session belongs to (by the id in its metadata, else by the
 * session's id), locked for the rest of the webhook's transaction, with its order; null if unknown.
 */
export async function findCheckoutPayment(tx: TransactionClient, ids: CheckoutPaymentIds) {
  const found =
    (ids.paymentId &&
      (await tx.payment.findUnique({ where: { id: ids.paymentId }, select: { id: true } }))) ||
    (await tx.payment.findUnique({
      where: { stripeCheckoutSessionId: ids.checkoutSessionId },
      select: { id: true },
    }));
  if (!found) return null;
  await tx.$queryRaw`SELECT "id" FROM "Payment" WHERE "id" = ${found.id} FOR UPDATE`;
  return tx.payment.findUniqueOrThrow({
    where: { id: found.id },
    include: { order: { include: { placedBy: { select: { email: true } } } } },
  });
}
