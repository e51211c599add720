import type { ComplaintStatus, PayoutStatus, RefundStatus } from "@/lib/db/generated/enums";

// The words operations read on the order page; several sections name the same statuses, so they live here
// once (a line's status and the payment method are in lib/orders: the CSV exports use them too). The
// buyer's and the supplier's pages word some of them differently on purpose.

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
