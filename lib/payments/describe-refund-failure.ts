/**
 * Stripe's `failure_reason` of a refund (API reference, Refund object) in the words operations read, with
 * the code kept for searching Stripe's dashboard. Unknown codes (Stripe adds values) are shown as they are.
 */
const failureReasons: Record<string, string> = {
  lost_or_stolen_card: "The card was reported lost or stolen",
  expired_or_canceled_card: "The card has expired or was cancelled",
  charge_for_pending_refund_disputed: "The buyer disputed the payment while the refund was waiting",
  insufficient_funds: "The platform's Stripe balance could not cover the refund",
  declined: "The card issuer declined the refund",
  merchant_request: "The refund was cancelled on request",
  unknown: "The card issuer gave no reason",
};

export function describeRefundFailure(
  status: string | null,
  failureReason: string | null | undefined,
): string {
  if (status === "canceled") return "Stripe cancelled the refund before it was paid (canceled)";
  const code = failureReason ?? "unknown";
  return `${failureReasons[code] ?? "Stripe reports the refund as failed"} (${code})`;
}

/** Whether trying the card again may work: not when the card itself is gone or the payment is disputed. */
export function isCardRefundWorthRetrying(failureReason: string | null | undefined): boolean {
  return !["lost_or_stolen_card", "expired_or_canceled_card", "charge_for_pending_refund_disputed"].some(
    (code) => failureReason?.includes(code),
  );
}
