import { createHash, randomBytes } from "node:crypto";

/** A new secret for a feed address: 32 random bytes, URL-safe (43 characters). */
export function newCalendarFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database keeps of a token: its SHA-256. The token has 256 random bits, so a fast hash is
 * enough (no password stretching needed), and a copy of the database opens no one's calendar.
 */
export function hashCalendarFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The feed's address: `.ics` at the end because some calendar apps only subscribe to such URLs. */
export function calendarFeedUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/api/v1/calendar-feeds/${token}.ics`;
}
