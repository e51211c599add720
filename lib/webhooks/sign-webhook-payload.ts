import { createHmac } from "node:crypto";

/** The header that carries the signature, as Stripe's `Stripe-Signature`: `t=<unix seconds>,v1=<hex>`. */
export const webhookSignatureHeader = "Webhook-Signature";

/**
 * Signs a delivery's body as Stripe does: HMAC-SHA256, keyed by the endpoint's secret, over
 * `<timestamp>.<body>`, the timestamp in Unix seconds, so a receiver can refuse old (replayed) requests.
 * Returns the header's value.
 */
export function signWebhookPayload(body: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`, "utf8").digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}
