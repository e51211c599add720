import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A browser that proved an account's password stays known for a year. */
export const deviceCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/**
 * OWASP's device cookie: after a successful sign-in the browser gets a cookie, signed with the app's
 * secret, that names this e-mail and a random device id. Its attempts are slowed only by its own
 * failures, so an attacker guessing the password elsewhere never slows the owner down. One cookie per
 * e-mail (named by a hash, so the address is not readable from the cookie jar).
 */
export function deviceCookieName(email: string): string {
  return `iq-device-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;
}

export function newDeviceCookie(email: string, secret: string): { deviceId: string; value: string } {
  const deviceId = randomBytes(16).toString("base64url");
  return { deviceId, value: `${deviceId}.${signature(email, deviceId, secret)}` };
}

/** The device id of a cookie this app signed for this e-mail, or undefined for anything else. */
export function deviceIdFromCookie(
  email: string,
  value: string | undefined,
  secret: string,
): string | undefined {
  const [deviceId, given, ...rest] = (value ?? "").split(".");
  if (!deviceId || !given || rest.length > 0) return undefined;
  const expected = Buffer.from(signature(email, deviceId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? deviceId : undefined;
}

function signature(email: string, deviceId: string, secret: string): string {
  return createHmac("sha256", secret).update(`device-cookie:${email}:${deviceId}`).digest("base64url");
}
