import Stripe from "stripe";

/**
 * Whether Stripe refused the request for good (invalid, not permitted, declined), as opposed to a failure
 * that a retry with the same idempotency key may get past (a timeout, a lost connection, Stripe's 5xx,
 * rate limiting).
 */
export function isPermanentStripeError(error: unknown): error is Stripe.errors.StripeError {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeCardError ||
    error instanceof Stripe.errors.StripePermissionError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  );
}
