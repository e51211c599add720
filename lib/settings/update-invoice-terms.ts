import { z } from "zod";
import type { Database } from "../db/prisma";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const invoiceTermsInput = z.object({
  paymentTermsDays: numberInput("the payment terms in days", 0, 120, { integer: true }),
  reason: reasonInput,
});

/**
 * Changes the platform's invoice terms, as a new pricing settings version: invoices issued from then on
 * to companies without their own terms are due after the new number of days; issued ones keep theirs.
 */
export async function updateInvoiceTerms(db: Database, actor: { userId: string }, input: unknown) {
  const { paymentTermsDays, reason } = invoiceTermsInput.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => ({
    summary: `Payment terms ${document.invoiceTerms.paymentTermsDays} → ${paymentTermsDays} days`,
    document: { ...document, invoiceTerms: { paymentTermsDays } },
  }));
}
