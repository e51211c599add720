import { z } from "zod";
import type { TransactionClient } from "../db/prisma";
import { applyStripeRefund } from "./apply-stripe-refund";

const refundEventSchema = z.object({
  id: z.string(),
  status: z.string().nullish(),
  failure_reason: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

/**
 * `refund.created`, `refund.updated` and `refund.failed`: the refund of ours named in the metadata (or
 * already linked to this Stripe refund) takes Stripe's status. Returns the webhook's follow-ups ([] for an
 * effect, null when the event changes nothing: a refund we did not make, or news we already had).
 */
export async function applyRefundEvent(
  tx: TransactionClient,
  object: unknown,
  now: Date,
): Promise<[] | null> {
  const refund = refundEventSchema.parse(object);
  const ours = await tx.refund.findFirst({
    where: {
      OR: [
        { stripeRefundId: refund.id },
        ...(refund.metadata?.refundId ? [{ id: refund.metadata.refundId }] : []),
      ],
    },
    select: { id: true },
  });
  if (!ours) return null;
  const change = await applyStripeRefund(
    tx,
    ours.id,
    { id: refund.id, status: refund.status ?? null, failure_reason: refund.failure_reason },
    now,
  );
  return change === "unchanged" ? null : [];
}
