import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";
import { defaultPrepaymentTerms } from "../bank-transfers/prepayment-terms";

const prepaymentTermsInput = z.object({
  reminderAfterDays: numberInput("the days until the reminder", 1, 60, { integer: true }),
  cancelAfterDays: numberInput("the days until the cancellation", 2, 90, { integer: true }),
  reason: reasonInput,
});

/**
 * Changes how long prepayment orders wait for the bank transfer, as a new pricing settings version:
 * the reminder and cancellation job reads the current version on each run, for every open order.
 */
export async function updatePrepaymentTerms(db: Database, actor: { userId: string }, input: unknown) {
  const { reminderAfterDays, cancelAfterDays, reason } = prepaymentTermsInput.parse(input);
  if (cancelAfterDays <= reminderAfterDays)
    throw new AppError(
      "validation_failed",
      "Cancel later than you remind: the buyer needs time to pay after the reminder.",
      { field: "cancelAfterDays" },
    );
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const before = document.prepaymentTerms ?? defaultPrepaymentTerms;
    return {
      summary: `Prepayment reminder ${before.reminderAfterDays} → ${reminderAfterDays} days, cancellation ${before.cancelAfterDays} → ${cancelAfterDays} days`,
      document: { ...document, prepaymentTerms: { reminderAfterDays, cancelAfterDays } },
    };
  });
}
