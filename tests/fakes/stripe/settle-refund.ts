import { randomId } from "./random-id";
import type { Charge, Refund, RefundFailureReason, StripeObject } from "./stripe-objects";

/** How the fake answers a new refund: it waits (`pending`, as card refunds may) or succeeds at once. */
export type RefundMode = "pending" | "succeed-at-once";

/** What a test makes of a refund later, as the card network would. */
export type RefundSettlement =
  | { status: "succeeded" }
  | { status: "failed"; failureReason?: RefundFailureReason }
  | { status: "requires_action" }
  | { status: "canceled" };

// The moves Stripe makes (API reference, Refund `status`; docs "Refund and cancel payments", failed
// refunds): a waiting refund succeeds or fails; a refund needing the customer's action may be canceled;
// and a card refund reported `succeeded` can still fail afterwards when the issuer sends it back.
const allowedMoves: Record<Refund["status"], readonly Refund["status"][]> = {
  pending: ["succeeded", "failed", "requires_action"],
  requires_action: ["succeeded", "failed", "canceled"],
  succeeded: ["failed"],
  failed: [],
  canceled: [],
};

/**
 * Moves one refund to its next status with Stripe's effects: a failed or canceled refund gives its amount
 * back to the charge (it can be refunded again) and to the platform's balance (`failure_balance_transaction`);
 * every move is a `refund.updated` event with the previous attributes, and a failure also `refund.failed`.
 */
export function settleRefund(
  refund: Refund,
  charge: Charge | undefined,
  settlement: RefundSettlement,
  emit: (type: string, object: StripeObject, previousAttributes?: Record<string, unknown>) => void,
): Refund {
  if (!allowedMoves[refund.status].includes(settlement.status))
    throw new Error(
      `The fake Stripe cannot move refund ${refund.id} from ${refund.status} to ${settlement.status}`,
    );
  const previous: Record<string, unknown> = { status: refund.status };
  if (refund.pending_reason) previous.pending_reason = refund.pending_reason;
  delete refund.pending_reason;
  refund.status = settlement.status;
  if (settlement.status === "succeeded") {
    previous.destination_details = structuredClone(refund.destination_details);
    refund.destination_details.card.reference_status = "available";
  }
  if (settlement.status === "failed" || settlement.status === "canceled") {
    if (settlement.status === "failed") {
      previous.failure_reason = null;
      previous.failure_balance_transaction = null;
      refund.failure_reason = settlement.failureReason ?? "unknown";
      refund.failure_balance_transaction = randomId("txn_3");
    }
    if (charge) {
      charge.amount_refunded -= refund.amount;
      charge.refunded = charge.amount_refunded === charge.amount;
    }
  }
  emit("refund.updated", refund, previous);
  if (settlement.status === "failed") emit("refund.failed", refund, previous);
  return refund;
}
