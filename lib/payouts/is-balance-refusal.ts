import Stripe from "stripe";

/**
 * Whether Stripe refused a transfer because the platform's balance cannot cover it now, though it may
 * later (card funds become available, a top-up arrives): `balance_insufficient`. Stripe answers it as an
 * invalid request and replays it for the same idempotency key, so it is neither "permanent" (FAILED at
 * once) nor an error to retry under the same key; the payout stays PENDING and is tried again with a new
 * key after a growing delay (pay-payout.ts). Rate limits and lock timeouts (429) and Stripe's 5xx are
 * not refusals: they are thrown and the job retries them under the same key.
 */
export function isBalanceRefusal(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError && error.code === "balance_insufficient";
}
