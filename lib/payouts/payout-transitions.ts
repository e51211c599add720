import type { PayoutStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of a payout to a supplier. It starts WAITING at delivery, for the buyer's complaint
 * window (docs/decisions/0031); when the window closes (or the buyer confirms "no complaint") its
 * self-billing invoice is issued and it becomes PENDING, or HELD while the supplier has no payout details;
 * a complaint holds a waiting or pending one until operations decide, and a decision inside the window
 * sends it back to wait; a transfer pays it or fails (and is retried); operations may withhold (cancel)
 * any unpaid one. Cancelled is final, and so is paid, unless Stripe reverses the whole transfer
 * (transfer.reversed): then it is FAILED again, for operations to pay again or withhold. Written only by
 * lib/payouts/move-payouts.ts.
 */
export const payoutTransitions = transitionTable<PayoutStatus>("payout", ["WAITING"], {
  WAITING: ["PENDING", "HELD", "CANCELLED"],
  PENDING: ["PAID", "FAILED", "HELD", "CANCELLED"],
  HELD: ["PENDING", "WAITING", "CANCELLED"],
  FAILED: ["PENDING", "CANCELLED"],
  PAID: ["FAILED"],
  CANCELLED: [],
});
