import type {
  ComplaintStatus,
  OrderLineStatus,
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
