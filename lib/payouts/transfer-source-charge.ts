import type Stripe from "stripe";
import type { TransactionClient } from "../db/prisma";

/**
 * The charge a payout's transfer is funded from (its `source_transaction`): the order's card payment's
 * PaymentIntent's `latest_charge`, stored on the payment the first time it is read. With it Stripe takes
 * the transfer from that charge's funds even while they are pending, instead of from the available
 * balance. None for orders paid on invoice or by bank transfer (their money is not on Stripe), and none
 * after a reversal: the reversed money went back to the available balance, and the charge has funded
 * its share once already.
 */
export async function transferSourceCharge(
  tx: TransactionClient,
  stripe: Stripe,
  payout: { orderId: string; reversedAt: Date | null },
): Promise<string | null> {
  if (payout.reversedAt) return null;
  const payment = await tx.payment.findFirst({
    where: {
      orderId: payout.orderId,
      method: "CARD",
      status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] },
      stripePaymentIntentId: { not: null },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, stripeChargeId: true, stripePaymentIntentId: true },
  });
  if (!payment) return null;
  if (payment.stripeChargeId) return payment.stripeChargeId;
  const intent = await stripe.paymentIntents.retrieve(payment.stripePaymentIntentId!);
  const chargeId = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
  if (!chargeId) return null;
  await tx.payment.update({ where: { id: payment.id }, data: { stripeChargeId: chargeId } });
  return chargeId;
}
