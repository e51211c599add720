import type { TransactionClient } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { completeRefund } from "./complete-refund";
import { describeRefundFailure } from "./describe-refund-failure";
import { markRefundBounced } from "./mark-refund-bounced";
import { markRefundFailed } from "./mark-refund-failed";

/** What Stripe says of one refund: its answer to our request, an event's copy, or a look-up. */
export interface StripeRefundState {
  id: string;
  status: string | null;
  failure_reason?: string | null;
}

export type RefundChange = "succeeded" | "failed" | "bounced" | "waiting" | "unchanged";

/**
 * Applies Stripe's word on a refund of ours, in the caller's transaction. Only forward moves count, so
 * answers and events may come late, twice or in any order: PENDING waits (pending, requires_action) and
 * then becomes SUCCEEDED (succeeded) or FAILED (failed, canceled); SUCCEEDED can still become FAILED (the
 * issuer returned it); FAILED is final. A late `pending` after `succeeded`, or a stale `succeeded` after a
 * failure, changes nothing.
 */
export async function applyStripeRefund(
  tx: TransactionClient,
  refundId: string,
  state: StripeRefundState,
  now = new Date(),
): Promise<RefundChange> {
  const [row] = await tx.$queryRaw<
    { status: string; method: string; stripeRefundId: string | null; stripeStatus: string | null }[]
  >`SELECT "status"::text, "method"::text, "stripeRefundId", "stripeStatus" FROM "Refund" WHERE "id" = ${refundId} FOR UPDATE`;
  if (!row || row.method !== "STRIPE") return "unchanged";
  if (row.stripeRefundId && row.stripeRefundId !== state.id) {
    getLogger().warn(
      { refundId, stripeRefundId: state.id },
      "A second Stripe refund names one refund of ours",
    );
    return "unchanged";
  }
  const failed = state.status === "failed" || state.status === "canceled";
  if (row.status === "SUCCEEDED" && state.status === "failed")
    return (await markRefundBounced(
      tx,
      refundId,
      describeRefundFailure(state.status, state.failure_reason),
      now,
    ))
      ? "bounced"
      : "unchanged";
  if (row.status !== "PENDING") return "unchanged";
  if (state.status === "succeeded")
    return (await completeRefund(tx, refundId, state.id, now)) ? "succeeded" : "unchanged";
  if (failed)
    return (await markRefundFailed(
      tx,
      refundId,
      describeRefundFailure(state.status, state.failure_reason),
      now,
      {
        stripeRefundId: state.id,
        stripeStatus: state.status,
      },
    ))
      ? "failed"
      : "unchanged";
  // Still waiting (pending, or requires_action): remember that Stripe has it, and what it says.
  if (row.stripeRefundId === state.id && row.stripeStatus === state.status) return "unchanged";
  await tx.refund.update({
    where: { id: refundId },
    data: { stripeRefundId: state.id, stripeStatus: state.status },
  });
  return "waiting";
}
