import { z } from "zod";
import type { Database } from "../db/prisma";
import { defaultComplaintWindow } from "../payouts/complaint-window";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const complaintWindowInput = z.object({
  days: numberInput("the days of the complaint window", 1, 60, { integer: true }),
  reason: reasonInput,
});

/**
 * Changes the buyer's complaint window, as a new pricing settings version: complaints are accepted for
 * that many days after delivery, and partner payouts of deliveries confirmed from now on wait as long
 * (a payout already waiting keeps the due date its partner was told; docs/decisions/0031).
 */
export async function updateComplaintWindow(db: Database, actor: { userId: string }, input: unknown) {
  const { days, reason } = complaintWindowInput.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const before = document.complaintWindow ?? defaultComplaintWindow;
    return {
      summary: `Complaint window ${before.days} → ${days} days`,
      document: { ...document, complaintWindow: { days } },
    };
  });
}
