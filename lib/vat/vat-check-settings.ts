import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";

/** How long a VIES confirmation counts, part of the versioned settings (PricingSettings.settings.vatChecks). */
export const vatCheckSettingsSchema = z.object({
  /**
   * A confirmation older than this is asked again: at checkout before reverse charge, and by the
   * re-check job for every company's confirmed ID.
   */
  recheckAfterDays: z.number().int().min(1).max(365),
});

export type VatCheckSettings = z.infer<typeof vatCheckSettingsSchema>;

export const defaultVatCheckSettings: VatCheckSettings = { recheckAfterDays: 30 };

/** The VAT check settings of the current settings version (the defaults for a version saved before them). */
export async function loadVatCheckSettings(db: Database | TransactionClient): Promise<VatCheckSettings> {
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const stored = (row?.settings as { vatChecks?: unknown } | undefined)?.vatChecks;
  const parsed = vatCheckSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultVatCheckSettings;
}
