import { describe, expect, it } from "vitest";
import { decryptWebhookSecret, encryptWebhookSecret, webhookSecretKeyOf } from "./webhook-secret-cipher";

const authSecret = "a".repeat(40);
const key = webhookSecretKeyOf({ AUTH_SECRET: authSecret });

describe("webhook secret cipher", () => {
  it("round-trips, with a fresh IV each time, and hides the secret", () => {
    const secret = "whsec_0123456789abcdefghijklmnopqrstuv";
    const first = encryptWebhookSecret(secret, key);
    const second = encryptWebhookSecret(secret, key);
    expect(first).not.toBe(second);
    expect(first).not.toContain(secret.slice(6));
    expect(decryptWebhookSecret(first, key)).toBe(secret);
    expect(decryptWebhookSecret(second, key)).toBe(secret);
  });

  it("WEBHOOK_SECRET_KEY, when set, replaces the key derived from AUTH_SECRET", () => {
    const own = webhookSecretKeyOf({ AUTH_SECRET: authSecret, WEBHOOK_SECRET_KEY: "b".repeat(40) });
    expect(own.equals(key)).toBe(false);
    expect(own).toHaveLength(32);
  });

  it("refuses another key and an altered value with a message that says what changed", () => {
    const sealed = encryptWebhookSecret("whsec_x", key);
    const other = webhookSecretKeyOf({ AUTH_SECRET: "c".repeat(40) });
    expect(() => decryptWebhookSecret(sealed, other)).toThrow(/WEBHOOK_SECRET_KEY .* changed/);
    const [version, iv, ciphertext, tag] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() =>
      decryptWebhookSecret([version, iv, flipped.toString("base64url"), tag].join("."), key),
    ).toThrow(/cannot be decrypted/);
    expect(() => decryptWebhookSecret("whsec_plain", key)).toThrow(/not in the v1 encrypted form/);
  });
});
