import { z } from "zod";
import type { Database } from "../db/prisma";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const vatCheckSettingsInput = z.object({
  recheckAfterDays: numberInput("the days a VIES confirmation counts", 1, 365, { integer: true }),
  reason: reasonInput,
});

/**
 * Changes how long a VIES confirmation of a buyer's VAT ID counts, as a new pricing settings version:
 * older confirmations are asked again at checkout and by the hourly re-check job (lib/vat).
 */
export async function updateVatCheckSettings(db: Database, actor: { userId: string }, input: unknown) {
  const { recheckAfterDays, reason } = vatCheckSettingsInput.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => ({
    summary: `VAT ID confirmations count ${document.vatChecks.recheckAfterDays} → ${recheckAfterDays} days`,
    document: { ...document, vatChecks: { recheckAfterDays } },
  }));
}
