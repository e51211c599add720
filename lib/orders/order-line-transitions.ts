import type { OrderLineStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of one order line, from matching to delivery. An offer may be rejected or expire,
 * which sends the line back to matching or, with nobody left, to UNMATCHED for operations, who can offer
 * it again. A delivered line can go back to production for a remake after an upheld complaint; a remake
 * is a new line that starts waiting for the matcher or accepted by the supplier operations chose.
 * Written only by lib/orders/change-order-line-status.ts.
 */
export const orderLineTransitions = transitionTable<OrderLineStatus>(
  "order line",
  ["AWAITING_MATCH", "ACCEPTED"],
  {
    AWAITING_MATCH: ["OFFERED", "UNMATCHED", "CANCELLED"],
    OFFERED: ["ACCEPTED", "AWAITING_MATCH", "UNMATCHED", "CANCELLED"],
    UNMATCHED: ["AWAITING_MATCH", "OFFERED", "CANCELLED"],
    ACCEPTED: ["IN_PRODUCTION", "AWAITING_MATCH", "CANCELLED"],
    IN_PRODUCTION: ["QUALITY_CHECK", "SHIPPED", "CANCELLED"],
    QUALITY_CHECK: ["IN_PRODUCTION", "SHIPPED", "CANCELLED"],
    SHIPPED: ["DELIVERED"],
    DELIVERED: ["IN_PRODUCTION"],
    CANCELLED: [],
  },
);
