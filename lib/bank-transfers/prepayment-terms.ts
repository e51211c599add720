import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";

/**
 * How long a prepayment order waits for its bank transfer, part of the versioned pricing settings
 * (PricingSettings.settings.prepaymentTerms): the buyer is reminded after `reminderAfterDays` and the
 * order cancelled after `cancelAfterDays` (calendar days from placing it; a transfer takes 1–2 days).
 */
export const prepaymentTermsSchema = z
  .object({
    reminderAfterDays: z.number().int().min(1).max(60),
    cancelAfterDays: z.number().int().min(2).max(90),
  })
  .refine((terms) => terms.cancelAfterDays > terms.reminderAfterDays, {
    message: "The cancellation must come after the reminder.",
    path: ["cancelAfterDays"],
  });

export type PrepaymentTerms = z.infer<typeof prepaymentTermsSchema>;

export const defaultPrepaymentTerms: PrepaymentTerms = { reminderAfterDays: 7, cancelAfterDays: 14 };

/** The prepayment terms of the current settings version (the defaults for a version saved before them). */
export async function loadPrepaymentTerms(db: Database | TransactionClient): Promise<PrepaymentTerms> {
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const stored = (row?.settings as { prepaymentTerms?: unknown } | undefined)?.prepaymentTerms;
  const parsed = prepaymentTermsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultPrepaymentTerms;
}
