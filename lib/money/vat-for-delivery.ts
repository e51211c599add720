/** EU member states (ISO 3166-1 alpha-2), for the reverse-charge rule. */
export const euCountries = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

export const germanVatPercent = 19;

export interface VatDecision {
  percent: number;
  /** The line the invoice prints under the VAT amount. */
  note: string;
}

/**
 * VAT on goods the platform (a German seller) delivers: 19 % within Germany; none for a business in
 * another EU state that gives its VAT number (intra-community supply, the buyer accounts for the VAT);
 * none for exports outside the EU; 19 % for an EU buyer without a VAT number.
 */
export function vatForDelivery(
  shippingCountryCode: string,
  vatNumber: string | null | undefined,
): VatDecision {
  const country = shippingCountryCode.toUpperCase();
  if (country === "DE") return { percent: germanVatPercent, note: "VAT 19 %" };
  if (!euCountries.has(country))
    return { percent: 0, note: "Export outside the EU: no German VAT (§ 4 Nr. 1a UStG)" };
  if (vatNumber)
    return {
      percent: 0,
      note: `Intra-community supply, VAT number ${vatNumber}: no German VAT (§ 4 Nr. 1b UStG)`,
    };
  return { percent: germanVatPercent, note: "VAT 19 % (no EU VAT number given)" };
}
