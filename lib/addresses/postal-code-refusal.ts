import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { z } from "zod";
import { countryName } from "../documents/country-name";

/**
 * How the countries we sell to (app/_components/country-select.tsx) write their postal codes, for the
 * message when one does not fit. Which codes fit is postcode-validator's (its patterns per country).
 */
export const postalCodeFormats: Record<string, string> = {
  AT: "4 digits, e.g. 1010",
  BE: "4 digits, e.g. 1000",
  BG: "4 digits, e.g. 1000",
  CH: "4 digits, e.g. 8001",
  CY: "4 digits, e.g. 1010",
  CZ: "5 digits, e.g. 110 00",
  DE: "5 digits, e.g. 80331",
  DK: "4 digits, e.g. 1050",
  EE: "5 digits, e.g. 10111",
  ES: "5 digits, e.g. 28001",
  FI: "5 digits, e.g. 00100",
  FR: "5 digits, e.g. 75001",
  GB: "a postcode such as SW1A 1AA",
  GR: "5 digits, e.g. 105 57",
  HR: "5 digits, e.g. 10000",
  HU: "4 digits, e.g. 1051",
  IE: "an Eircode such as D02 X285",
  IT: "5 digits, e.g. 00184",
  LT: "5 digits, e.g. 01100",
  LU: "4 digits, e.g. 1009",
  LV: "4 digits, e.g. LV-1050",
  MT: "3 letters and 4 digits, e.g. VLT 1117",
  NL: "4 digits and 2 letters, e.g. 1012 AB",
  NO: "4 digits, e.g. 0150",
  PL: "2 digits, a hyphen and 3 digits, e.g. 00-950",
  PT: "4 digits, a hyphen and 3 digits, e.g. 1100-148",
  RO: "6 digits, e.g. 010011",
  SE: "5 digits, e.g. 111 52",
  SI: "4 digits, e.g. 1000",
  SK: "5 digits, e.g. 811 01",
  US: "a ZIP code of 5 digits, e.g. 10001, or ZIP+4, e.g. 10001-1234",
};

/**
 * Why a postal code cannot be one of the country's, naming the country's format ("\"8O331\" is not a
 * postal code in Germany: enter 5 digits, e.g. 80331."), or null when it fits. A country postcode-validator
 * knows no pattern for takes any postal code. Expects the code trimmed and in capitals, as the forms send it.
 */
export function postalCodeRefusal(postalCode: string, countryCode: string): string | null {
  const country = countryCode.toUpperCase();
  if (!postcodeValidatorExistsForCountry(country) || postcodeValidator(postalCode, country)) return null;
  const format = postalCodeFormats[country];
  return `"${postalCode}" is not a postal code in ${countryName(country)}: ${
    format ? `enter ${format}` : "enter it as the post writes it there"
  }.`;
}

/** A zod refinement for an address's postal code against its country (an empty code is another rule's). */
export function refinePostalCode(
  address: { postalCode?: string | null; countryCode: string },
  context: z.RefinementCtx,
): void {
  if (!address.postalCode) return;
  const refusal = postalCodeRefusal(address.postalCode, address.countryCode);
  if (refusal) context.addIssue({ code: "custom", path: ["postalCode"], message: refusal });
}
