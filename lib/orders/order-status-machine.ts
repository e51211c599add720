import type { OrderLineStatus, OrderStatus } from "../db/generated/enums";

/**
 * The allowed moves of an order. An order waits for an approver when it is above the company's limit,
 * then for payment (card) or goes straight on (approved invoice customers); it is in progress while its
 * lines are made, and completes when every line is delivered (or cancelled). A completed order goes back
 * in progress when operations record a remake of one of its lines (lib/orders/record-remake.ts).
 */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  AWAITING_APPROVAL: ["AWAITING_PAYMENT", "CONFIRMED", "CANCELLED"],
  AWAITING_PAYMENT: ["CONFIRMED", "CANCELLED"],
  CONFIRMED: ["IN_PROGRESS", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: ["IN_PROGRESS"],
  CANCELLED: [],
};

/**
 * The allowed moves of one order line, from matching to delivery. An offer may be rejected or expire,
 * which sends the line back to matching or, with nobody left, to UNMATCHED for operations, who can offer
 * it again. A delivered line can go back to production for a remake after an upheld complaint.
 */
export const orderLineTransitions: Record<OrderLineStatus, readonly OrderLineStatus[]> = {
  AWAITING_MATCH: ["OFFERED", "UNMATCHED", "CANCELLED"],
  OFFERED: ["ACCEPTED", "AWAITING_MATCH", "UNMATCHED", "CANCELLED"],
  UNMATCHED: ["AWAITING_MATCH", "OFFERED", "CANCELLED"],
  ACCEPTED: ["IN_PRODUCTION", "AWAITING_MATCH", "CANCELLED"],
  IN_PRODUCTION: ["QUALITY_CHECK", "SHIPPED", "CANCELLED"],
  QUALITY_CHECK: ["IN_PRODUCTION", "SHIPPED", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  DELIVERED: ["IN_PRODUCTION"],
  CANCELLED: [],
};

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

export function canMoveOrderLine(from: OrderLineStatus, to: OrderLineStatus): boolean {
  return orderLineTransitions[from].includes(to);
}
