import { euCountries, germanVatPercent, type VatDecision } from "./vat-for-delivery";

type SupplierVatDecision = Pick<VatDecision, "percent" | "note">;

/**
 * VAT on the self-billing invoice for a supplier's parts, which the platform (a German company) buys:
 * 19 % from a German supplier, which the platform reclaims as input VAT; none from a supplier in another EU
 * state (reverse charge: the platform accounts for it) or outside the EU (import, outside this invoice).
 */
export function vatForSupplierSupply(supplierCountryCode: string): SupplierVatDecision {
  const country = supplierCountryCode.toUpperCase();
  if (country === "DE") return { percent: germanVatPercent, note: "VAT 19 %" };
  if (euCountries.has(country))
    return {
      percent: 0,
      note: "Reverse charge: the recipient accounts for the VAT (Art. 196 Directive 2006/112/EC)",
    };
  return { percent: 0, note: "Supply from outside the EU: no VAT on this invoice" };
}
