import type { SupplierVatTreatment, VatIdStatus } from "../db/generated/enums";
import { euCountries, germanVatPercent } from "../money/vat-for-delivery";
import { checkVatIdFormat } from "../vat/check-vat-id-format";
import { checkTaxNumber } from "./check-tax-number";
import { supplierVatNotes } from "./supplier-vat-notes";
import { countryName } from "../documents/country-name";

/** What of a supplier the rule reads (Company). */
export interface SupplierTaxDetails {
  countryCode: string;
  /** The invoice names the supplier's full address (§ 14 (4) no. 1 UStG). */
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  vatNumber: string | null;
  /** VIES's word on vatNumber: null for none asked (German or non-EU IDs). */
  vatIdStatus: VatIdStatus | null;
  /** When VIES last confirmed vatNumber; set once confirmed, kept when a later re-check cannot answer. */
  vatIdConfirmedAt: Date | null;
  taxNumber: string | null;
  smallBusiness: boolean;
}

/** The fields supplierTaxStanding reads, as a Prisma `select` of a Company. */
export const supplierTaxDetailsSelect = {
  countryCode: true,
  addressLine: true,
  postalCode: true,
  city: true,
  vatNumber: true,
  vatIdStatus: true,
  vatIdConfirmedAt: true,
  taxNumber: true,
  smallBusiness: true,
} as const satisfies Record<keyof SupplierTaxDetails, true>;

/** The VAT rule of a supplier's self-billing invoice and what the invoice prints for it. */
export interface SupplierVat {
  treatment: SupplierVatTreatment;
  percent: number;
  /** The line printed next to the VAT amount. */
  note: string;
  /** The supplier's IDs the invoice prints (§ 14 (4) no. 2, § 14a (3) UStG). */
  vatId: string | null;
  taxNumber: string | null;
}

/**
 * Ready with its VAT rule, or not with what is missing: `missing` is the sentence for the partner (what to
 * enter where), `forOperations` the same fact for operations, who read it on the partner's page.
 */
export type SupplierTaxStanding =
  { ready: true; vat: SupplierVat } | { ready: false; missing: string; forOperations: string };

const vat = (
  treatment: SupplierVatTreatment,
  ids: { vatId: string | null; taxNumber: string | null },
): SupplierTaxStanding => ({
  ready: true,
  vat: {
    treatment,
    percent: treatment === "GERMAN_VAT" ? germanVatPercent : 0,
    note: supplierVatNotes[treatment],
    ...ids,
  },
});

/**
 * Whether a supplier's tax details let the platform issue its self-billing invoice (Gutschrift, § 14 (2)
 * sentence 2 UStG), and with which VAT. The invoice must name the supplier's full address (§ 14 (4) no. 1)
 * and its Steuernummer or VAT ID (no. 2); without them no invoice is issued and the payout waits.
 * - In Germany: a valid Steuernummer or a well-formed German VAT ID; 19 % VAT, or none for a small
 *   business (§ 19 UStG).
 * - In another member state: a VAT ID of a member state other than Germany that VIES has confirmed (and not
 *   since refused): exempt intra-community supply, reverse charge (§ 14a (3) UStG: both VAT IDs). Not yet
 *   confirmed (VIES did not answer) waits for the hourly re-check. The ID must be of the partner's own
 *   country, where its parts leave from: a German or third state's ID is held with what to enter.
 * - Outside the EU: a well-formed VAT ID of its country (GB, CHE, NO): no German VAT on this invoice.
 */
export function supplierTaxStanding(supplier: SupplierTaxDetails): SupplierTaxStanding {
  const country = supplier.countryCode.toUpperCase();
  if (!supplier.addressLine?.trim() || !supplier.postalCode?.trim() || !supplier.city?.trim())
    return {
      ready: false,
      missing:
        "Enter your street, postal code and city under Profile → Location: the invoice must name your full address.",
      forOperations:
        "the partner has not entered its full address (street, postal code and city), which the invoice must name.",
    };
  const format = supplier.vatNumber ? checkVatIdFormat(supplier.vatNumber) : null;
  const vatId = format?.ok ? format.vatId : null;
  const taxNumber =
    country === "DE" && supplier.taxNumber && checkTaxNumber(supplier.taxNumber).ok
      ? supplier.taxNumber
      : null;
  if (supplier.vatNumber && vatId && supplier.vatIdStatus === "NOT_VALID")
    return {
      ready: false,
      missing: `VIES says your VAT ID ${vatId.value} is not valid: correct it under Profile → Tax details.`,
      forOperations: `VIES says the partner's VAT ID ${vatId.value} is not valid; the partner is asked to correct it.`,
    };
  const germanVatId = vatId?.countryCode === "DE" ? vatId.value : null;

  if (country === "DE") {
    if (!taxNumber && !germanVatId)
      return {
        ready: false,
        missing:
          "Enter your German VAT ID (USt-IdNr.) or tax number (Steuernummer) under Profile → Tax details.",
        forOperations:
          "the partner has entered neither a German VAT ID (USt-IdNr.) nor a valid tax number (Steuernummer).",
      };
    return vat(supplier.smallBusiness ? "SMALL_BUSINESS" : "GERMAN_VAT", {
      vatId: germanVatId,
      taxNumber,
    });
  }
  if (euCountries.has(country)) {
    // The parts start their journey where the partner produces: an intra-community supply from that
    // member state, which the partner reports there under that state's VAT ID (Art. 138, 262 VAT
    // Directive). A VAT ID of Germany or of a third state is for supplies that start there.
    if (vatId?.viesChecks && vatId.countryCode !== country) {
      const here = countryName(country);
      const there = countryName(vatId.countryCode);
      return {
        ready: false,
        missing: `Your VAT ID ${vatId.value} is from ${there}, but your parts ship from ${here}: enter your VAT ID of ${here} under Profile → Tax details (reverse charge needs the ID of the country the parts leave).`,
        forOperations: `the partner's VAT ID ${vatId.value} is from ${there}, but it produces in ${here}; the invoice needs its VAT ID of ${here}.`,
      };
    }
    if (!vatId || !vatId.viesChecks)
      return {
        ready: false,
        missing: "Enter your VAT ID (e.g. IT02743690154) under Profile → Tax details.",
        forOperations:
          "the partner has not entered a VAT ID of an EU member state, which reverse charge needs.",
      };
    if (!supplier.vatIdConfirmedAt)
      return {
        ready: false,
        missing: `VIES has not yet confirmed your VAT ID ${vatId.value}; we ask again every hour. Check it under Profile → Tax details.`,
        forOperations: `VIES has not yet confirmed the partner's VAT ID ${vatId.value}; it is asked again every hour.`,
      };
    return vat("REVERSE_CHARGE", { vatId: vatId.value, taxNumber: null });
  }
  if (!vatId)
    return {
      ready: false,
      missing: "Enter your VAT ID (e.g. CHE-123.456.788 MWST) under Profile → Tax details.",
      forOperations: `the partner has not entered the VAT ID of its country (${countryName(country)}).`,
    };
  return vat("OUTSIDE_EU", { vatId: vatId.value, taxNumber: null });
}
