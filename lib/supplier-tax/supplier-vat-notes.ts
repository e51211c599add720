import type { SupplierVatTreatment } from "../db/generated/enums";

/** Notes printed on the invoice, German first (the invoice is German law), then English. */
export const supplierVatNotes: Record<SupplierVatTreatment, string> = {
  GERMAN_VAT: "Umsatzsteuer / VAT 19 %",
  SMALL_BUSINESS:
    "Keine Umsatzsteuer: Kleinunternehmer nach § 19 UStG / No VAT: small business under § 19 UStG",
  REVERSE_CHARGE:
    "Steuerfreie innergemeinschaftliche Lieferung (Art. 138 Richtlinie 2006/112/EG) – Reverse charge: the recipient accounts for the VAT on its intra-community acquisition",
  OUTSIDE_EU:
    "Lieferung aus dem Drittland: keine deutsche Umsatzsteuer / Supply from outside the EU: no German VAT",
};
