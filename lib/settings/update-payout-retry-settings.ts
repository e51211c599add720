import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { defaultPayoutRetrySettings } from "../payouts/payout-retry-settings";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const payoutRetrySettingsInput = z.object({
  firstDelayMinutes: numberInput("the minutes before the first retry", 1, 1440, { integer: true }),
  maxDelayHours: numberInput("the longest wait in hours", 1, 168, { integer: true }),
  maxAttempts: numberInput("the number of attempts", 1, 50, { integer: true }),
  reason: reasonInput,
});

/**
 * Changes how partner transfers refused for lack of Stripe balance are retried, as a new pricing settings
 * version: payouts already waiting keep their next attempt, later ones follow the new delays.
 */
export async function updatePayoutRetrySettings(db: Database, actor: { userId: string }, input: unknown) {
  const { firstDelayMinutes, maxDelayHours, maxAttempts, reason } = payoutRetrySettingsInput.parse(input);
  if (maxDelayHours * 60 < firstDelayMinutes)
    throw new AppError(
      "validation_failed",
      "Make the longest wait at least as long as the first one: the waits only grow.",
      { field: "maxDelayHours" },
    );
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const before = document.payoutRetries ?? defaultPayoutRetrySettings;
    return {
      summary: `Payout retries: first after ${before.firstDelayMinutes} → ${firstDelayMinutes} min, longest wait ${before.maxDelayHours} → ${maxDelayHours} h, ${before.maxAttempts} → ${maxAttempts} attempts`,
      document: { ...document, payoutRetries: { firstDelayMinutes, maxDelayHours, maxAttempts } },
    };
  });
}
