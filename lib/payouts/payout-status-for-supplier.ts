import type { PayoutMethod, PayoutStatus } from "../db/generated/enums";
import { payoutHeldReasons } from "./payout-method-for";
import { formatDeadlineDay } from "../dates/format-deadline";

/** "19 Dec 2026 (Berlin time)": the day a payout becomes due or was paid, in the platform's one zone. */
export const payoutDay = (date: Date) => formatDeadlineDay(date);

/**
 * How a payout stands, in the words the partner reads on its payouts page and in its e-mails: "Due on 19
 * Dec 2026 after the complaint window", "Held: complaint open…", "Paid on …". Never "released" for money
 * already paid: each status says what has happened and what comes next. `taxDetailsMissing` is what the
 * partner's tax details lack now (supplierTaxStanding's sentence): a payout held for them says that rather
 * than the stored reason written for every partner ("enter your VAT ID or German tax number"), which is
 * wrong for one whose VAT ID only waits for VIES.
 */
export function payoutStatusForSupplier(
  payout: {
    status: PayoutStatus;
    method: PayoutMethod;
    dueAt: Date | null;
    paidAt: Date | null;
    heldReason: string | null;
  },
  now: { taxDetailsMissing?: string | null } = {},
): string {
  switch (payout.status) {
    case "WAITING":
      return payout.dueAt
        ? `Due on ${payoutDay(payout.dueAt)} after the complaint window`
        : "Due after the complaint window";
    case "HELD":
      if (payout.heldReason === payoutHeldReasons.complaint)
        return "Held: complaint open; operations decide before it is paid";
      if (payout.heldReason === payoutHeldReasons.missingTaxData && now.taxDetailsMissing)
        return `Held: ${now.taxDetailsMissing}`;
      return `Held: ${payout.heldReason ?? "operations will tell you why"}`;
    case "PENDING":
      return payout.method === "STRIPE_TRANSFER"
        ? "Being paid to your Stripe account"
        : "Being paid by bank transfer within 3 working days";
    case "PAID":
      return payout.paidAt ? `Paid on ${payoutDay(payout.paidAt)}` : "Paid";
    case "FAILED":
      return "Failed, operations are on it";
    case "CANCELLED":
      return "Withheld: not paid";
  }
}
