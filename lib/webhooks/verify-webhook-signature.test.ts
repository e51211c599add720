import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload } from "./sign-webhook-payload";
import { verifyWebhookSignature } from "./verify-webhook-signature";

const secret = "whsec_test_secret";
const body = JSON.stringify({ id: "evt_1", type: "order.placed", data: { orderId: "o1" } });

describe("webhook signatures", () => {
  it("signs HMAC-SHA256 over timestamp.body, as Stripe's t=…,v1=… header", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhookPayload(body, secret, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("accepts its own signature within the tolerance", () => {
    const header = signWebhookPayload(body, secret, 1_700_000_000);
    expect(verifyWebhookSignature({ body, header, secret, nowSeconds: 1_700_000_100 })).toEqual({
      ok: true,
      timestampSeconds: 1_700_000_000,
    });
  });

  it("refuses another body, another secret, an old timestamp and a malformed header", () => {
    const header = signWebhookPayload(body, secret, 1_700_000_000);
    const now = 1_700_000_010;
    expect(verifyWebhookSignature({ body: body + " ", header, secret, nowSeconds: now })).toMatchObject({
      ok: false,
      reason: "no matching signature",
    });
    expect(verifyWebhookSignature({ body, header, secret: "whsec_other", nowSeconds: now }).ok).toBe(false);
    expect(verifyWebhookSignature({ body, header, secret, nowSeconds: 1_700_000_301 })).toMatchObject({
      reason: "timestamp outside tolerance",
    });
    for (const bad of [undefined, "", "v1=abc", "t=1700000000", "t=x,v1=" + "0".repeat(64)])
      expect(verifyWebhookSignature({ body, header: bad, secret, nowSeconds: now })).toMatchObject({
        reason: "malformed header",
      });
  });

  it("accepts any of several v1 signatures (a secret being rotated)", () => {
    const own = signWebhookPayload(body, secret, 1_700_000_000).split(",")[1];
    const header = `t=1700000000,v1=${"a".repeat(64)},${own}`;
    expect(verifyWebhookSignature({ body, header, secret, nowSeconds: 1_700_000_000 }).ok).toBe(true);
  });
});
