import type { OrderStatus } from "../db/generated/enums";
import { transitionTable } from "../transitions/transition-table";

/**
 * The allowed moves of an order. An order waits for an approver when it is above the company's limit,
 * then for payment (card) or goes straight on (approved invoice customers); it is in progress while its
 * lines are made, and completes when every line is delivered (or cancelled). A completed order goes back
 * in progress when operations record a remake of one of its lines (lib/workflows/record-remake.ts).
 * Written only by lib/orders/move-order.ts.
 */
export const orderTransitions = transitionTable<OrderStatus>(
  "order",
  ["AWAITING_APPROVAL", "AWAITING_PAYMENT", "CONFIRMED"],
  {
    AWAITING_APPROVAL: ["AWAITING_PAYMENT", "CONFIRMED", "CANCELLED"],
    AWAITING_PAYMENT: ["CONFIRMED", "CANCELLED"],
    CONFIRMED: ["IN_PROGRESS", "CANCELLED"],
    IN_PROGRESS: ["COMPLETED", "CANCELLED"],
    COMPLETED: ["IN_PROGRESS"],
    CANCELLED: [],
  },
);
