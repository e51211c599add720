import type { OrderLineStatus, OrderStatus } from "../db/generated/enums";

/** A line's status in operations' words (the order page, the CSV exports). */
export const lineStatusLabels: Record<OrderLineStatus, string> = {
  AWAITING_MATCH: "Finding a partner",
  OFFERED: "Offered to a partner",
  UNMATCHED: "No partner found",
  ACCEPTED: "Accepted",
  IN_PRODUCTION: "In production",
  QUALITY_CHECK: "Quality check",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

/**
 * A line's status in operations' words. A line waits for a partner only once its order may be placed: while
 * the order waits for the buyer's payment or a colleague's approval, nobody is looking for a partner, and
 * "Finding a partner" beside "No offers yet" read like a stuck matcher (walk6).
 */
export function lineStatusLabel(lineStatus: OrderLineStatus, orderStatus: OrderStatus): string {
  if (lineStatus === "AWAITING_MATCH" && orderStatus === "AWAITING_PAYMENT") return "Waits for payment";
  if (lineStatus === "AWAITING_MATCH" && orderStatus === "AWAITING_APPROVAL") return "Waits for approval";
  return lineStatusLabels[lineStatus];
}
