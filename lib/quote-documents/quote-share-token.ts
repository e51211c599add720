import { createHash, randomBytes } from "node:crypto";

/** A new share-link token: 32 random bytes, base64url (43 characters), unguessable. */
export function newQuoteShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: its SHA-256, so a leaked table opens no quote. */
export function quoteShareTokenSha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string from a URL can be a token at all; anything else is refused before the database. */
export function looksLikeQuoteShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
