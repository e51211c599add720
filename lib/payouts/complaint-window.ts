import { z } from "zod";
import type { Database, TransactionClient } from "../db/prisma";

/**
 * The buyer's complaint window, part of the versioned settings (PricingSettings.settings.complaintWindow):
 * a buyer may complain for `days` after delivery is confirmed, and the partner's payout (with its
 * self-billing invoice) becomes due when the window closes, or sooner when the buyer confirms "no
 * complaint" (docs/decisions/0031).
 */
export const complaintWindowSchema = z.object({
  days: z.number().int().min(1).max(60),
  /** Issue 21: working days the partner has to answer a complaint before operations decide (0042). */
  supplierAnswerWorkingDays: z.number().int().min(0).max(20).default(2),
});

export type ComplaintWindow = z.infer<typeof complaintWindowSchema>;

export const defaultComplaintWindow: ComplaintWindow = { days: 14, supplierAnswerWorkingDays: 2 };

/** The complaint window of the current settings version (the default for a version saved before it). */
export async function loadComplaintWindow(db: Database | TransactionClient): Promise<ComplaintWindow> {
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const stored = (row?.settings as { complaintWindow?: unknown } | undefined)?.complaintWindow;
  const parsed = complaintWindowSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultComplaintWindow;
}

/** When a window of `days` opened at `from` closes: a complaint is accepted until then, a payout due. */
export function complaintWindowEnd(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}
