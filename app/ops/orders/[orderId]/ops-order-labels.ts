import type {
  ComplaintStatus,
  OrderLineStatus,
  OrderStatus,
  PaymentMethod,
  PayoutStatus,
  RefundStatus,
} from "@/lib/db/generated/enums";

// The words operations read on the order page; several sections name the same statuses, so they live here
// once. The buyer's and the supplier's pages word some of them differently on purpose.

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

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  CARD: "Card",
  INVOICE: "Invoice",
  BANK_TRANSFER: "Bank transfer (prepayment)",
};

export const refundStatusLabels: Record<RefundStatus, string> = {
  PENDING: "On its way (not done yet)",
  SUCCEEDED: "Refunded",
  FAILED: "Failed",
};

export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  OPEN: "Open",
  UPHELD: "Upheld",
  REJECTED: "Rejected",
};

export const payoutStatusLabels: Record<PayoutStatus, string> = {
  PENDING: "To be paid",
  HELD: "Held",
  WAITING: "Waiting for the complaint window",
  PAID: "Paid",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};
