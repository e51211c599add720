import type { OrderStatus } from "../db/generated/enums";

export const orderStatusLabels: Record<OrderStatus, string> = {
  AWAITING_APPROVAL: "Waits for approval",
  AWAITING_PAYMENT: "Waits for payment",
  CONFIRMED: "Confirmed",
  IN_PROGRESS: "In production",
  COMPLETED: "Delivered",
  CANCELLED: "Cancelled",
};
