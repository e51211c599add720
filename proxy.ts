import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, getEnv } from "@/lib/env";
import { securityHeaders } from "@/lib/security/security-headers";

/**
 * Runs before every request (pages, server actions, API routes, static files): a fresh nonce for the
 * Content-Security-Policy, handed to Next in the request's own CSP header (Next reads the nonce from
 * there and puts it on its scripts; `x-nonce` for any page that needs it itself), and the security
 * headers on the response. Every page renders per request anyway (the root layout reads the session).
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = randomBytes(18).toString("base64");
  const headers = securityHeaders({
    nonce,
    appUrl: appUrl(),
    stripeApiUrl: env.STRIPE_API_URL,
    development: env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
