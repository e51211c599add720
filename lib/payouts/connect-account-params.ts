import type Stripe from "stripe";

/**
 * Where Stripe payouts to partners are offered: the EEA (the 27 member states, Iceland, Liechtenstein,
 * Norway), Stripe's one transfer region for a platform in Germany. Transfers inside it need no
 * cross-border payouts and no recipient service agreement; outside it (UK, Switzerland, US…) Stripe's
 * documentation contradicts itself on which agreement cross-border payouts need, so those partners are
 * paid by bank transfer (decision 0030).
 */
export const stripePayoutCountries: ReadonlySet<string> = new Set([
  ...["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"],
  ...["IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"],
  ...["IS", "LI", "NO"],
]);

/**
 * The Connect account a partner gets (decision 0030): Express, in its company's country (Stripe assumes
 * the platform's country unless told), able to receive transfers and nothing else (partners never take
 * card payments: the platform is the seller of record), under the full service agreement, passed
 * explicitly so a recipient default set in the Dashboard cannot change it unnoticed.
 */
export function connectAccountParams(
  company: { id: string; name: string; countryCode: string },
  email: string,
): Stripe.AccountCreateParams {
  return {
    type: "express",
    country: company.countryCode,
    email,
    business_type: "company",
    business_profile: { name: company.name },
    capabilities: { transfers: { requested: true } },
    tos_acceptance: { service_agreement: "full" },
    metadata: { companyId: company.id },
  };
}
