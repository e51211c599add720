import { isSEPACountry } from "ibantools";
import { stripePayoutCountries } from "./connect-account-params";
import { ibanCountryAdjective } from "./validate-iban";

/**
 * Why a valid IBAN cannot take the platform's payout by SEPA credit transfer, or null. Partners without
 * Stripe are paid through the SEPA file operations upload to the bank (lib/exports/sepa), and a SEPA
 * transfer only reaches an account in a SEPA country: a Saudi or Turkish IBAN would pass its check digits
 * here and make the bank refuse the file. Outside the EEA (Switzerland, the UK, Monaco…) the EPC
 * rulebook still asks for the bank's BIC, so an empty one is refused there. Pure.
 */
export function sepaPayoutRefusal(
  iban: string,
  bic: string | null,
): { field: "iban" | "bic"; message: string } | null {
  const countryCode = iban.slice(0, 2);
  const adjective = ibanCountryAdjective(countryCode) ?? countryCode;
  if (!isSEPACountry(countryCode))
    return {
      field: "iban",
      message: `We pay partners by SEPA transfer, which does not reach ${adjective} accounts: give the IBAN of an account in a SEPA country (the EU, Norway, Switzerland, the UK…).`,
    };
  // The EEA is where Stripe payouts are offered too (connect-account-params).
  if (!bic && !stripePayoutCountries.has(countryCode))
    return {
      field: "bic",
      message: `A SEPA transfer to a ${adjective} account needs the bank's BIC: enter it (8 or 11 letters and digits, on your bank statement).`,
    };
  return null;
}
