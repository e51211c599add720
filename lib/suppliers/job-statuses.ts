import type { OrderLineStatus } from "../db/generated/enums";
import { orderLineTransitions } from "../orders/order-line-transitions";

/** A line the supplier still makes: accepted, in production or in quality check. */
export const openJobStatuses = [
  "ACCEPTED",
  "IN_PRODUCTION",
  "QUALITY_CHECK",
] as const satisfies OrderLineStatus[];

/** Every status of a line that is a supplier's job: from acceptance to delivery. Its files are open to it. */
export const jobStatuses = [...openJobStatuses, "SHIPPED", "DELIVERED"] as const satisfies OrderLineStatus[];

/** The steps a supplier reports itself; delivery is confirmed by the buyer. */
export const supplierSteps = [
  "IN_PRODUCTION",
  "QUALITY_CHECK",
  "SHIPPED",
] as const satisfies OrderLineStatus[];
export type SupplierStep = (typeof supplierSteps)[number];

/**
 * The steps a supplier may report from `status`, as the order-line status machine allows them, and only
 * while the job is open: once shipped it is the buyer's and operations' (a remake after a complaint is
 * operations' decision, though the machine allows DELIVERED → IN_PRODUCTION).
 */
export function nextSupplierSteps(status: OrderLineStatus): SupplierStep[] {
  if (!(openJobStatuses as readonly OrderLineStatus[]).includes(status)) return [];
  return supplierSteps.filter((step) => step !== status && orderLineTransitions.can(status, step));
}
