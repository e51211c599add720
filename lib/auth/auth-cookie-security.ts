/**
 * Whether Auth.js marks its cookies (session, CSRF, return path) `Secure` with the `__Secure-`/`__Host-`
 * names. Auth.js decides from the request's protocol, which behind a TLS proxy that sends no
 * `X-Forwarded-Proto` (nginx's default `proxy_pass`) is http: the session cookie went out without
 * `Secure` while the device cookie, which reads the public address, had it. With an https APP_URL the
 * browser only ever speaks https to us, so the cookies say so too; without one Auth.js decides as before.
 */
export function authCookieSecurity(appUrl: string | undefined): { useSecureCookies?: true } {
  return appUrl?.startsWith("https://") ? { useSecureCookies: true } : {};
}
