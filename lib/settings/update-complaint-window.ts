import { z } from "zod";
import type { Database } from "../db/prisma";
import { defaultComplaintWindow } from "../payouts/complaint-window";
import { numberInput, reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const complaintWindowInput = z.object({
  days: numberInput("the days of the complaint window", 1, 60, { integer: true }),
  // Left out (an older form, a script): the saved value stays.
  supplierAnswerWorkingDays: z.preprocess(
    (value) => (value === undefined || value === "" ? undefined : value),
    numberInput("the partner's working days to answer a complaint", 0, 20, { integer: true }).optional(),
  ),
  reason: reasonInput,
});

/**
 * Changes the buyer's complaint window, as a new pricing settings version: complaints are accepted for
 * that many days after delivery, and partner payouts of deliveries confirmed from now on wait as long
 * (a payout already waiting keeps the due date its partner was told; docs/decisions/0031).
 */
export async function updateComplaintWindow(db: Database, actor: { userId: string }, input: unknown) {
  const { days, supplierAnswerWorkingDays: typedAnswerDays, reason } = complaintWindowInput.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const before = { ...defaultComplaintWindow, ...document.complaintWindow };
    const supplierAnswerWorkingDays = typedAnswerDays ?? before.supplierAnswerWorkingDays;
    const changes = [
      before.days !== days ? `Complaint window ${before.days} → ${days} days` : null,
      before.supplierAnswerWorkingDays !== supplierAnswerWorkingDays
        ? `partner's answer ${before.supplierAnswerWorkingDays} → ${supplierAnswerWorkingDays} working days`
        : null,
    ].filter(Boolean);
    return {
      summary: changes.length ? changes.join(", ") : `Complaint window ${days} days, unchanged`,
      document: { ...document, complaintWindow: { days, supplierAnswerWorkingDays } },
    };
  });
}
