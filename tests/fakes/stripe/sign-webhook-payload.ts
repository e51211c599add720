import { createHmac } from "node:crypto";

/**
 * The `Stripe-Signature` header for a webhook body, computed as Stripe does: HMAC-SHA256 keyed with the
 * whole endpoint secret (including its `whsec_` prefix) over "<timestamp>.<raw body>".
 */
export function signWebhookPayload(
  payload: string,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
