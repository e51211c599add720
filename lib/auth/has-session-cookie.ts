/**
 * Whether a request carries a session cookie at all: Auth.js's `authjs.session-token` (`__Secure-` on
 * https), whole or in chunks (`….0`, `….1`), with a value. Auth.js reads a session only from cookies
 * named so (@auth/core SessionStore), so without one nobody is signed in and there is nothing to decrypt.
 */
export function hasSessionCookie(cookies: readonly { name: string; value: string }[]): boolean {
  return cookies.some(
    (cookie) =>
      cookie.value !== "" &&
      (cookie.name.startsWith("authjs.session-token") ||
        cookie.name.startsWith("__Secure-authjs.session-token")),
  );
}
