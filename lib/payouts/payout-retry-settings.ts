import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";

/**
 * How a Stripe transfer refused for lack of funds (balance_insufficient) is tried again, part of the
 * versioned settings (PricingSettings.settings.payoutRetries): after `firstDelayMinutes`, each wait twice
 * the last up to `maxDelayHours`; the `maxAttempts`-th refusal marks the payout FAILED and tells operations.
 */
export const payoutRetrySettingsSchema = z.object({
  firstDelayMinutes: z.number().int().min(1).max(1440),
  maxDelayHours: z.number().int().min(1).max(168),
  maxAttempts: z.number().int().min(1).max(50),
});

export type PayoutRetrySettings = z.infer<typeof payoutRetrySettingsSchema>;

// About a day and a half of retries (15 min, 30 min, … 16 h) before operations are asked to act.
export const defaultPayoutRetrySettings: PayoutRetrySettings = {
  firstDelayMinutes: 15,
  maxDelayHours: 24,
  maxAttempts: 8,
};

/** The payout retry settings of the current settings version (the defaults for a version saved before them). */
export async function loadPayoutRetrySettings(
  db: Database | TransactionClient,
): Promise<PayoutRetrySettings> {
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const stored = (row?.settings as { payoutRetries?: unknown } | undefined)?.payoutRetries;
  const parsed = payoutRetrySettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultPayoutRetrySettings;
}

/** The wait before attempt `attempts + 1`, after `attempts` refusals: doubling from the first delay, capped. */
export function transferRetryDelayMs(settings: PayoutRetrySettings, attempts: number): number {
  const minutes = settings.firstDelayMinutes * 2 ** Math.max(0, attempts - 1);
  return Math.min(minutes, settings.maxDelayHours * 60) * 60_000;
}
