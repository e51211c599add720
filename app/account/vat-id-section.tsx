import { formatMoment } from "@/app/_components/format-dates";
import type { VatIdStatus } from "@/lib/db/generated/enums";

const standing: Record<VatIdStatus, string> = {
  CONFIRMED: "confirmed by VIES",
  TO_RECHECK:
    "not yet confirmed by VIES: orders are charged German VAT until it is (we ask again every hour)",
  NOT_VALID: "VIES says it is not valid: checkout refuses it until you enter a valid one",
};

/**
 * The company's VAT ID and what VIES last said about it, which decides reverse charge at checkout. The
 * ID is changed at checkout, where it is checked (lib/vat).
 */
export function VatIdSection({
  company,
}: {
  company: { vatNumber: string | null; vatIdStatus: VatIdStatus | null; vatIdConfirmedAt: Date | null };
}) {
  return (
    <section className="card" aria-labelledby="vat-id-heading">
      <h2 id="vat-id-heading">VAT ID</h2>
      {company.vatNumber ? (
        <p data-testid="account-vat-id">
          <strong>{company.vatNumber}</strong>
          {company.vatIdStatus && (
            <>
              {" "}
              · {standing[company.vatIdStatus]}
              {company.vatIdStatus === "CONFIRMED" &&
                company.vatIdConfirmedAt &&
                ` on ${formatMoment(company.vatIdConfirmedAt)}`}
            </>
          )}
        </p>
      ) : (
        <p className="muted">No VAT ID yet.</p>
      )}
      <p className="hint">
        You give or change it at checkout. Delivered to another EU country, a business whose VAT ID VIES
        confirms pays no German VAT (reverse charge).
      </p>
    </section>
  );
}
