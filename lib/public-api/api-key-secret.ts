import { createHash, randomBytes } from "node:crypto";

/** What every key starts with, so a leaked one is recognisable (secret scanners, logs). */
export const apiKeyMarker = "iqk_";
/** How many characters of the key the team page shows (the marker and 8 more). */
const prefixLength = apiKeyMarker.length + 8;

/**
 * A new key: 32 random bytes (256 bits) in base64url after the marker. Only its SHA-256 is stored: a key
 * this random cannot be guessed from its hash, so a slow password hash would only slow every request
 * (decision 0059).
 */
export function newApiKeySecret(): { secret: string; prefix: string; secretHash: string } {
  const secret = `${apiKeyMarker}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, prefixLength), secretHash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
