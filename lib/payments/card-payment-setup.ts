import { getEnv } from "../env";

/**
 * Why card payments are off on this installation, for operations (the setup detail a buyer never
 * reads), or null when Stripe is configured. STRIPE_WEBHOOK_SECRET comes with the key: the environment
 * check refuses a key without it.
 */
export function cardPaymentSetupProblem(): string | null {
  return getEnv().STRIPE_SECRET_KEY
    ? null
    : "Card payments off: STRIPE_SECRET_KEY is not set (and STRIPE_WEBHOOK_SECRET with it). Buyers see only that card payment is not offered.";
}
