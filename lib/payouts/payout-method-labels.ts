import type { PayoutMethod } from "../db/generated/enums";

/** How a payout is paid, as pages and the self-billing PDF name it. */
export const payoutMethodLabels: Record<PayoutMethod, string> = {
  STRIPE_TRANSFER: "Stripe transfer",
  MANUAL_TRANSFER: "Bank transfer",
};
