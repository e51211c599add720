import { formatMoment } from "@/app/_components/format-dates";
import type { VatIdStatus } from "@/lib/db/generated/enums";
import { supplierTaxStanding, type SupplierTaxDetails } from "@/lib/supplier-tax/supplier-tax-standing";
import { vatIdCountry } from "@/lib/supplier-tax/vat-id-country";
import { countryName } from "@/lib/documents/country-name";
import { traderNameMatches } from "@/lib/vat/trader-name-matches";

const viesLabels: Record<VatIdStatus, string> = {
  CONFIRMED: "confirmed by VIES",
  TO_RECHECK: "VIES has not answered yet (re-checked hourly)",
  NOT_VALID: "VIES says not valid",
};

/**
 * The partner's tax details for operations: the numbers, VIES's word, a VAT ID issued in another country
 * than the address (allowed for a fixed establishment there, but worth a look), and whether invoices can be
 * issued.
 */
export function TaxFacts({
  company,
  viesTraderName = null,
}: {
  company: SupplierTaxDetails & { name: string };
  /** The holder VIES named when it confirmed the VAT ID (null where VIES withholds names, as for DE). */
  viesTraderName?: string | null;
}) {
  const standing = supplierTaxStanding(company);
  const issuedIn = company.vatNumber ? vatIdCountry(company.vatNumber) : null;
  const elsewhere = issuedIn !== null && company.countryCode !== "" && issuedIn !== company.countryCode;
  return (
    <>
      <dt>VAT ID</dt>
      <dd>
        {company.vatNumber ?? "not given"}
        {company.vatNumber && company.vatIdStatus
          ? ` · ${viesLabels[company.vatIdStatus]}${company.vatIdStatus === "CONFIRMED" && company.vatIdConfirmedAt ? ` on ${formatMoment(company.vatIdConfirmedAt)}` : ""}`
          : ""}
        {viesTraderName && (
          <>
            {" · "}
            {traderNameMatches(company.name, viesTraderName) ? (
              <span data-testid="vies-holder">registered to {viesTraderName}</span>
            ) : (
              <strong data-testid="vies-holder">
                registered to {viesTraderName}, not {company.name}: check that the VAT ID is the
                partner&apos;s before payouts (its self-billing invoices state it)
              </strong>
            )}
          </>
        )}
        {elsewhere && (
          <>
            {" · "}
            <strong data-testid="vat-id-elsewhere">
              issued in {countryName(issuedIn)}, the address is in {countryName(company.countryCode)}: check
              that the partner is registered there
            </strong>
          </>
        )}
      </dd>
      <dt>Tax number</dt>
      <dd>
        {company.taxNumber ?? "not given"}
        {company.smallBusiness ? " · small business (§ 19 UStG)" : ""}
      </dd>
      <dt>Self-billing</dt>
      <dd>{standing.ready ? `ready (${standing.vat.note})` : `payouts wait: ${standing.forOperations}`}</dd>
    </>
  );
}
