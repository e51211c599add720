import { checkVAT } from "jsvat";
import { vatIdCountries, type VatIdCountry } from "./vat-id-countries";

/** A VAT ID that passed its country's format and check digits, as the invoice prints it. */
export interface WellFormedVatId {
  /** Upper case, without spaces, dots, dashes or slashes; Greek IDs with EL. "ATU12345675". */
  value: string;
  /** The prefix VIES knows it by (EL, XI, …) and the number after it, as VIES wants them apart. */
  viesCountryCode: string;
  viesNumber: string;
  /** The ISO country of the issuing tax office: GR for EL…, GB for XI…. */
  countryCode: string;
  /** VIES can confirm it: an EU member state's ID, or Northern Ireland's. */
  viesChecks: boolean;
}

export type VatIdFormatResult = { ok: true; vatId: WellFormedVatId } | { ok: false; message: string };

/** What jsvat strips as well, so our message shows the ID as jsvat read it. */
export function normalizeVatId(raw: string): string {
  const cleaned = raw.toUpperCase().replace(/[\s.\-/]+/g, "");
  // Greece's VAT prefix is EL; buyers often type the ISO code GR. The two are unambiguous, so we take GR as EL.
  return cleaned.startsWith("GR") ? `EL${cleaned.slice(2)}` : cleaned;
}

const accepted = "an EU member state's prefix (e.g. ATU12345675), XI for Northern Ireland, GB, CHE or NO";

/**
 * Checks a VAT ID's format and check digits with jsvat (plus Belgium's 1-series and Northern Ireland's
 * XI, lib/vat/vat-id-countries.ts). Refusals name the ID, its country and the format, e.g. "ATU1234 is
 * not a valid Austrian VAT ID: ATU followed by 8 digits." Does not say the ID exists: VIES does.
 */
export function checkVatIdFormat(raw: string): VatIdFormatResult {
  const value = normalizeVatId(raw);
  if (!/^[A-Z]{2}/.test(value))
    return {
      ok: false,
      message: `${value} is not a VAT ID we can check: start it with ${accepted}.`,
    };
  const country = vatIdCountries.find((candidate) => value.startsWith(candidate.prefix.slice(0, 2)));
  if (!country)
    return {
      ok: false,
      message: `${value} is not a VAT ID we can check: start it with ${accepted}. Buyers from elsewhere leave the field empty.`,
    };
  const result = checkVAT(value, [country.jsvat]);
  if (!result.isValidFormat)
    return { ok: false, message: `${value} is not a valid ${country.adjective} VAT ID: ${country.format}.` };
  if (!result.isValid)
    return {
      ok: false,
      message: `${value} is not a valid ${country.adjective} VAT ID: its check digit does not match (${country.format}). Copy it from a letter of the tax office or an invoice.`,
    };
  return { ok: true, vatId: wellFormed(value, country) };
}

function wellFormed(value: string, country: VatIdCountry): WellFormedVatId {
  const viesCountryCode = value.slice(0, 2);
  return {
    value,
    viesCountryCode,
    viesNumber: value.slice(2),
    countryCode: country.countryCode,
    viesChecks: country.viesChecks,
  };
}
