import Stripe from "stripe";
import { getEnv } from "../env";

/**
 * The Stripe API version every request is made with, and the version both webhook endpoints (platform
 * and Connect) must be created with in the Dashboard, so events carry objects of the same shape as our
 * API answers (README, decision 0029). Pinned here rather than left to the SDK's default, so upgrading
 * the `stripe` package never silently changes what we send or read: the SDK types `apiVersion` as its
 * own version, so after an upgrade typecheck fails here until someone moves the pin on purpose (and
 * reads Stripe's changelog, e.g. 2026-09-30.endive removed Checkout's `payment_method_types`).
 */
export const stripeApiVersion = "2026-10-28.endive" as const;

let cachedClient: { key: string; apiUrl: string | undefined; client: Stripe } | undefined;

/**
 * The Stripe client, or null when no secret key is configured (card payment and Stripe payouts are then
 * switched off). STRIPE_API_URL points it elsewhere than api.stripe.com: the tests' local fake. One
 * network retry; every call that creates something passes its own idempotency key, so a retry after a
 * lost answer returns the same object instead of making a second one.
 */
export function getStripe(): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: apiUrl } = getEnv();
  if (!key) return null;
  if (cachedClient?.key === key && cachedClient.apiUrl === apiUrl) return cachedClient.client;
  const endpoint = apiUrl ? new URL(apiUrl) : undefined;
  const client = new Stripe(key, {
    apiVersion: stripeApiVersion,
    maxNetworkRetries: 1,
    timeout: 20_000,
    appInfo: { name: "instant-quote-marketplace" },
    ...(endpoint && {
      host: endpoint.hostname,
      port: Number(endpoint.port || (endpoint.protocol === "https:" ? 443 : 80)),
      protocol: endpoint.protocol === "https:" ? "https" : "http",
    }),
  });
  cachedClient = { key, apiUrl, client };
  return client;
}

/** Stripe, or a clear error for the paths that cannot run without it. */
export function requireStripe(): Stripe {
  const stripe = getStripe();
  if (!stripe) throw new Error("Stripe is not configured (STRIPE_SECRET_KEY is empty).");
  return stripe;
}
