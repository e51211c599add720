import { formatMoment } from "@/app/_components/format-dates";
import type { VatIdStatus } from "@/lib/db/generated/enums";
import { supplierTaxStanding, type SupplierTaxDetails } from "@/lib/supplier-tax/supplier-tax-standing";

const viesLabels: Record<VatIdStatus, string> = {
  CONFIRMED: "confirmed by VIES",
  TO_RECHECK: "VIES has not answered yet (re-checked hourly)",
  NOT_VALID: "VIES says not valid",
};

/** The partner's tax details for operations: the numbers, VIES's word and whether invoices can be issued. */
export function TaxFacts({ company }: { company: SupplierTaxDetails }) {
  const standing = supplierTaxStanding(company);
  return (
    <>
      <dt>VAT ID</dt>
      <dd>
        {company.vatNumber ?? "not given"}
        {company.vatNumber && company.vatIdStatus
          ? ` · ${viesLabels[company.vatIdStatus]}${company.vatIdStatus === "CONFIRMED" && company.vatIdConfirmedAt ? ` on ${formatMoment(company.vatIdConfirmedAt)}` : ""}`
          : ""}
      </dd>
      <dt>Tax number</dt>
      <dd>
        {company.taxNumber ?? "not given"}
        {company.smallBusiness ? " · small business (§ 19 UStG)" : ""}
      </dd>
      <dt>Self-billing</dt>
      <dd>{standing.ready ? `ready (${standing.vat.note})` : `payouts wait: ${standing.missing}`}</dd>
    </>
  );
}
