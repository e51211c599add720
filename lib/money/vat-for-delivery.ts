/** EU member states (ISO 3166-1 alpha-2), for the reverse-charge rule. */
export const euCountries = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

export const germanVatPercent = 19;

export type VatTreatment = "GERMAN_VAT" | "REVERSE_CHARGE" | "EXPORT";

export interface VatDecision {
  percent: number;
  /** The line the invoice prints under the VAT amount. */
  note: string;
  treatment: VatTreatment;
  /** For the checkout: "19 % German VAT", "0 % reverse charge", "0 % export". */
  label: string;
  /** Why, in a sentence the buyer reads under the label. */
  reason: string;
}

/** The buyer's VAT ID as far as the rule needs it (lib/vat/check-vat-id-format.ts made it). */
export interface BuyerVatId {
  value: string;
  /** ISO country of the issuing tax office (GR for EL…, GB for XI…). */
  countryCode: string;
  /** An EU member state's ID, or Northern Ireland's (XI), which counts as one for goods. */
  memberState: boolean;
  /** VIES confirmed it (now, or recently enough: lib/vat/confirm-vat-id.ts). */
  confirmed: boolean;
}

const germanVat = (reason: string, note = "VAT 19 %"): VatDecision => ({
  percent: germanVatPercent,
  note,
  treatment: "GERMAN_VAT",
  label: "19 % German VAT",
  reason,
});

/**
 * VAT on goods the platform (a German seller) delivers. Outside the EU: none (export, § 4 No. 1a with
 * § 6 UStG). In Germany: 19 %, whoever buys. Elsewhere in the EU: none only for a business whose VAT ID
 * of another member state VIES confirmed (tax-exempt intra-community supply, § 4 No. 1b with § 6a UStG;
 * the buyer taxes the acquisition: reverse charge); 19 % without one, with a German one, or with one VIES
 * could not confirm yet (docs/decisions/0023).
 */
export function vatForDelivery(
  shippingCountryCode: string,
  vatId: BuyerVatId | null | undefined,
): VatDecision {
  const country = shippingCountryCode.toUpperCase();
  if (!euCountries.has(country))
    return {
      percent: 0,
      note: "Export outside the EU: no German VAT (§ 4 No. 1a, § 6 UStG)",
      treatment: "EXPORT",
      label: "0 % export",
      reason: "Delivery outside the EU: no German VAT.",
    };
  if (country === "DE") return germanVat("Delivery in Germany.");
  if (!vatId) return germanVat("Delivery in the EU without a VAT ID.", "VAT 19 % (no EU VAT ID given)");
  if (!vatId.memberState)
    return germanVat(`${vatId.value} is not an EU VAT ID: delivery in the EU is charged German VAT.`);
  if (vatId.countryCode === "DE")
    return germanVat("A German VAT ID: German VAT applies wherever in the EU the parts go.");
  if (!vatId.confirmed)
    return germanVat(
      `VIES could not confirm ${vatId.value} just now: we charge German VAT and check the ID again.`,
      `VAT 19 % (VAT ID ${vatId.value} not yet confirmed by VIES)`,
    );
  return {
    percent: 0,
    note: `VAT 0 %: tax-exempt intra-community supply (§ 4 No. 1b, § 6a UStG)`,
    treatment: "REVERSE_CHARGE",
    label: "0 % reverse charge",
    reason: `${vatId.value} confirmed by VIES: you account for the VAT in your member state.`,
  };
}
