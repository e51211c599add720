import type { Company } from "@/lib/db/generated/client";
import { germanStates } from "@/lib/supplier-tax/check-tax-number";
import { supplierTaxStanding } from "@/lib/supplier-tax/supplier-tax-standing";
import { formatMoment } from "@/app/_components/format-dates";
import { TaxDetailsForm } from "./tax-details-form";

const treatmentLabels = {
  GERMAN_VAT: "19 % German VAT on top of the net",
  SMALL_BUSINESS: "no VAT (small business, § 19 UStG)",
  REVERSE_CHARGE: "no German VAT: intra-community supply, reverse charge",
  OUTSIDE_EU: "no German VAT: supply from outside the EU",
} as const;

/**
 * The profile's tax details: what the partner's self-billing invoices (Gutschriften) must name, whether
 * they are complete (payouts wait until they are) and the form. E-mails about waiting payouts link here.
 */
export function TaxDetailsSection({ company, editable }: { company: Company; editable: boolean }) {
  const standing = supplierTaxStanding(company);
  const inGermany = company.countryCode.toUpperCase() === "DE";
  return (
    <section className="card" id="tax-details" aria-labelledby="tax-details-heading">
      <h2 id="tax-details-heading">Tax details</h2>
      <p className="muted">
        We pay you by self-billing invoice (Gutschrift): we issue your invoice for each delivered job. German
        law (§ 14 (4) UStG) wants your {inGermany ? "tax number or VAT ID" : "VAT ID"} on it, so payouts wait
        until you have entered {inGermany ? "one of them" : "it"}.
      </p>
      {standing.ready ? (
        <p className="alert ok" role="status">
          Complete: your invoices show {treatmentLabels[standing.vat.treatment]}.
          {company.vatIdStatus === "CONFIRMED" && company.vatIdConfirmedAt
            ? ` VIES confirmed ${company.vatNumber} on ${formatMoment(company.vatIdConfirmedAt)}.`
            : ""}
        </p>
      ) : (
        <p className="alert warn" role="status">
          {standing.missing}
        </p>
      )}
      <TaxDetailsForm
        editable={editable}
        inGermany={inGermany}
        saved={{
          vatNumber: company.vatNumber ?? "",
          taxNumber: company.taxNumber ?? "",
          smallBusiness: company.smallBusiness,
        }}
        states={Object.entries(germanStates).map(([value, label]) => ({ value, label }))}
      />
    </section>
  );
}
