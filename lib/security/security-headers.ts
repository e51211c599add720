/** Where a card payment or a supplier's Connect onboarding continues: Stripe's hosted pages. */
const stripeHostedPages = ["https://checkout.stripe.com", "https://connect.stripe.com"];

export interface SecurityHeaderOptions {
  /** Fresh per request, unguessable: only scripts carrying it run. */
  nonce: string;
  /** The public base URL; HSTS and upgrade-insecure-requests only when it is https. */
  appUrl: string;
  /** STRIPE_API_URL when set (the tests' fake, which also serves the hosted pages). */
  stripeApiUrl?: string;
  /** `next dev`: React's refresh needs eval and a websocket. */
  development: boolean;
}

/**
 * The security headers of every response (set by set-security-headers.ts in the start script's server).
 *
 * - Content-Security-Policy: scripts only with this request's nonce (Next puts it on its own scripts and
 *   chunks when it finds it in the request's CSP header); 'strict-dynamic' lets those load their chunks.
 *   Styles allow 'unsafe-inline' because server-rendered React `style` attributes (progress and capacity
 *   bars, the viewer's legend) are inline styles a nonce cannot cover, and a browser ignores
 *   'unsafe-inline' as soon as a nonce is listed; styles cannot run code, and no page renders HTML from
 *   users. Images allow data: and blob: (the 3D viewer's canvas snapshots, SVG icons); no frames, no
 *   plugins, forms only to us and Stripe's hosted pages (a form's redirect there counts), and
 *   frame-ancestors 'none' so no other site (same-site included) can frame a signed-in page.
 * - X-Frame-Options for browsers without frame-ancestors; nosniff; the origin only as referrer to
 *   other sites; camera, microphone, geolocation, payment and USB off.
 * - Strict-Transport-Security only when the app is served over https: over http it would be ignored,
 *   and on localhost it would pin a developer's browser to https.
 */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const https = new URL(options.appUrl).protocol === "https:";
  const formTargets = [
    "'self'",
    ...stripeHostedPages,
    ...(options.stripeApiUrl ? [new URL(options.stripeApiUrl).origin] : []),
  ];
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formTargets.join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": policy,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
