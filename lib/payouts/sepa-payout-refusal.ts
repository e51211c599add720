import { extractBIC, isSEPACountry } from "ibantools";
import { countryName } from "../documents/country-name";
import { stripePayoutCountries } from "./connect-account-params";
import { ibanCountryAdjective } from "./validate-iban";

/**
 * Territories whose accounts carry their mother country's IBAN while their banks' BICs name the territory:
 * the French overseas departments and collectivities, the Crown Dependencies, Åland.
 */
const bicCountriesOfIbanCountry: Record<string, readonly string[]> = {
  FR: ["GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"],
  GB: ["JE", "GG", "IM"],
  FI: ["AX"],
};

/**
 * Why a BIC cannot be the bank of this IBAN's account, or null: its country letters name no country, or
 * another country than the IBAN's. Outside the EEA the transfer is routed by the BIC, so a typo (or a BIC
 * copied from another account) would send the money to the wrong bank.
 */
function bicRefusal(iban: string, bic: string): { field: "bic"; message: string } | null {
  const ibanCountry = iban.slice(0, 2);
  const bicCountry = bic.slice(4, 6);
  if (!extractBIC(bic).valid)
    return {
      field: "bic",
      message: `${bic} is not a BIC: its 5th and 6th letters are the bank's country (DE in COBADEFFXXX), and ${bicCountry} is none. Copy it from your bank statement.`,
    };
  if (bicCountry === ibanCountry || bicCountriesOfIbanCountry[ibanCountry]?.includes(bicCountry)) return null;
  return {
    field: "bic",
    message: `The BIC ${bic} is of a bank in ${countryName(bicCountry)}, but the IBAN is of an account in ${countryName(ibanCountry)}: copy the BIC from the same bank statement as the IBAN.`,
  };
}

/**
 * Why a valid IBAN cannot take the platform's payout by SEPA credit transfer, or null. Partners without
 * Stripe are paid through the SEPA file operations upload to the bank (lib/exports/sepa), and a SEPA
 * transfer only reaches an account in a SEPA country: a Saudi or Turkish IBAN would pass its check digits
 * here and make the bank refuse the file. Outside the EEA (Switzerland, the UK, Monaco…) the EPC
 * rulebook still asks for the bank's BIC, so an empty one is refused there; a BIC given must be of a bank
 * in the IBAN's country (bicRefusal). Pure.
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
  return bic ? bicRefusal(iban, bic) : null;
}
