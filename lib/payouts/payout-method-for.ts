import type { PayoutMethod } from "../db/generated/enums";
import { getStripe } from "../payments/stripe-client";

/** Why a payout waits; the same text finds the payouts to release once the reason is gone. */
export const payoutHeldReasons = {
  missingDetails: "Waiting for payout details: connect Stripe or give bank details under Payouts.",
  complaint: "A complaint about this part is open; operations decide before it is paid.",
  // Issue 19 (i19-selfbill): no self-billing invoice without the supplier's tax details (lib/supplier-tax).
  missingTaxData:
    "Waiting for your tax details: enter your VAT ID or German tax number (Steuernummer) under Profile → Tax details.",
} as const;

/**
 * How a supplier is paid: by Stripe transfer once its Connect account can receive transfers (and Stripe is
 * configured here), else by manual bank transfer when it gave bank details; null while it has neither.
 */
export function payoutMethodFor(company: {
  stripeConnectAccountId: string | null;
  stripePayoutsEnabled: boolean;
  bankIban: string | null;
}): PayoutMethod | null {
  if (company.stripeConnectAccountId && company.stripePayoutsEnabled && getStripe()) return "STRIPE_TRANSFER";
  if (company.bankIban) return "MANUAL_TRANSFER";
  return null;
}
