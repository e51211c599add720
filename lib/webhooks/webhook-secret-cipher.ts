import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "../env";

/** The stored form's version tag: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. */
const formatVersion = "v1";
const ivBytes = 12;

/**
 * The 256-bit key that encrypts webhook signing secrets at rest: HKDF-SHA256 over WEBHOOK_SECRET_KEY when
 * set, else over AUTH_SECRET (decision 0069). The info string keeps it apart from every other use of them.
 */
export function webhookSecretKeyOf(env: { AUTH_SECRET: string; WEBHOOK_SECRET_KEY?: string }): Buffer {
  const material = env.WEBHOOK_SECRET_KEY ?? env.AUTH_SECRET;
  return Buffer.from(hkdfSync("sha256", material, "instant-quote", "webhook-signing-secret/v1", 32));
}

/** Seals a signing secret with AES-256-GCM and a fresh random IV, for the WebhookEndpoint row. */
export function encryptWebhookSecret(secret: string, key: Buffer = webhookSecretKeyOf(getEnv())): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [formatVersion, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/**
 * Opens a stored signing secret. Fails with a message that names the cause when the key does not open it
 * (AUTH_SECRET or WEBHOOK_SECRET_KEY changed since it was sealed) or the value was altered.
 */
export function decryptWebhookSecret(stored: string, key: Buffer = webhookSecretKeyOf(getEnv())): string {
  const [version, iv, ciphertext, tag] = stored.split(".");
  if (version !== formatVersion || !iv || ciphertext === undefined || !tag)
    throw new Error("The stored webhook secret is not in the v1 encrypted form.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new Error(
      "The webhook secret cannot be decrypted: WEBHOOK_SECRET_KEY (or AUTH_SECRET, when that is empty) changed since it was stored. Restore the old value, or delete the endpoint and add it again.",
    );
  }
}

/** What the team page shows of a secret after it was made: its first characters, enough to tell it apart. */
export function webhookSecretStartOf(secret: string): string {
  return secret.slice(0, 10);
}
