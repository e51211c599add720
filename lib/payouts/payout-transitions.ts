import type { PayoutStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of a payout to a supplier. It starts PENDING, or HELD while the supplier has no payout
 * details; a complaint holds a pending one until operations decide; a transfer pays it or fails (and is
 * retried); operations may withhold (cancel) any unpaid one. Paid and cancelled are final. Written only
 * by lib/payouts/move-payouts.ts.
 */
export const payoutTransitions = transitionTable<PayoutStatus>("payout", ["PENDING", "HELD"], {
  PENDING: ["PAID", "FAILED", "HELD", "CANCELLED"],
  HELD: ["PENDING", "CANCELLED"],
  FAILED: ["PENDING", "CANCELLED"],
  PAID: [],
  CANCELLED: [],
});
