import { createHmac, timingSafeEqual } from "node:crypto";

export type WebhookSignatureCheck =
  | { ok: true; timestampSeconds: number }
  | { ok: false; reason: "malformed header" | "timestamp outside tolerance" | "no matching signature" };

/**
 * For receivers of our webhooks (clients, tests): checks the `Webhook-Signature` header (`t=…,v1=…`)
 * against the raw request body, byte for byte as received (parse the JSON only after this), and the
 * endpoint's signing secret. Refuses a timestamp more than `toleranceSeconds` from now (a replayed
 * request); accepts any of several `v1` entries (one per secret while a secret is being rotated).
 * Depends on nothing but node:crypto, so a client can copy this file as it is.
 */
export function verifyWebhookSignature(options: {
  body: string;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  nowSeconds?: number;
}): WebhookSignatureCheck {
  const {
    body,
    header,
    secret,
    toleranceSeconds = 300,
    nowSeconds = Math.floor(Date.now() / 1000),
  } = options;
  if (!header) return { ok: false, reason: "malformed header" };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: "malformed header" };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds)
    return { ok: false, reason: "timestamp outside tolerance" };
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest();
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, "hex"), expected));
  return matches ? { ok: true, timestampSeconds: timestamp } : { ok: false, reason: "no matching signature" };
}
