import type { OrderLineStatus } from "@/lib/db/generated/enums";

/** A job's status as its supplier reads it. */
export const jobStatusLabels: Partial<Record<OrderLineStatus, string>> & Record<string, string> = {
  ACCEPTED: "Accepted, not started",
  IN_PRODUCTION: "In production",
  QUALITY_CHECK: "Quality check",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
};
