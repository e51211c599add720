import type { PayoutStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of a payout to a supplier. It starts PENDING, or HELD while the supplier has no payout
 * details; a complaint holds a pending one until operations decide; a transfer pays it or fails (and is
 * retried); operations may withhold (cancel) any unpaid one. Cancelled is final, and so is paid, unless
 * Stripe reverses the whole transfer (transfer.reversed): then it is FAILED again, for operations to pay
 * again or withhold. Written only by lib/payouts/move-payouts.ts.
 */
export const payoutTransitions = transitionTable<PayoutStatus>("payout", ["PENDING", "HELD"], {
  PENDING: ["PAID", "FAILED", "HELD", "CANCELLED"],
  HELD: ["PENDING", "CANCELLED"],
  FAILED: ["PENDING", "CANCELLED"],
  PAID: ["FAILED"],
  CANCELLED: [],
});
