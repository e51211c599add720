import type { OrderLineStatus, OrderStatus } from "../db/generated/enums";

export interface TimelineStep {
  key: "ordered" | "paid" | "placed" | "production" | "shipped" | "delivered";
  label: string;
  /** When it happened; absent for steps still ahead. */
  at?: Date;
  detail?: string;
  state: "done" | "current" | "ahead";
}

interface TimelineInput {
  order: {
    status: OrderStatus;
    createdAt: Date;
    confirmedAt: Date | null;
    paymentMethod: "CARD" | "INVOICE" | "BANK_TRANSFER";
  };
  line: {
    id: string;
    status: OrderLineStatus;
    carrier: string | null;
    trackingNumber: string | null;
    shippedAt: Date | null;
    deliveredAt: Date | null;
  };
  changes: { orderLineId: string | null; toStatus: string; createdAt: Date }[];
}

const lineProgress: Record<OrderLineStatus, number> = {
  AWAITING_MATCH: 0,
  OFFERED: 0,
  UNMATCHED: 0,
  CANCELLED: 0,
  ACCEPTED: 1,
  IN_PRODUCTION: 2,
  QUALITY_CHECK: 2,
  SHIPPED: 3,
  DELIVERED: 4,
};

/**
 * The buyer's view of one order line: ordered, paid (or invoiced), placed with a supplier, in
 * production, shipped (carrier and tracking number), delivered. Each step carries the moment it was
 * reached, taken from the status history; the first step not reached is the current one.
 */
export function orderLineTimeline({ order, line, changes }: TimelineInput): TimelineStep[] {
  const firstAt = (...statuses: string[]) =>
    changes.find((change) => change.orderLineId === line.id && statuses.includes(change.toStatus))?.createdAt;
  const paid = order.confirmedAt !== null;
  const progress = line.status === "CANCELLED" ? -1 : lineProgress[line.status];
  const steps: Omit<TimelineStep, "state">[] = [
    { key: "ordered", label: "Ordered", at: order.createdAt },
    {
      key: "paid",
      label: order.paymentMethod === "INVOICE" ? "Confirmed, invoice issued" : "Paid",
      ...(paid ? { at: order.confirmedAt! } : {}),
    },
    {
      key: "placed",
      label: "Placed with a manufacturing partner",
      ...(progress >= 1 ? { at: firstAt("ACCEPTED") ?? order.confirmedAt ?? order.createdAt } : {}),
    },
    {
      key: "production",
      label: "In production",
      ...(progress >= 2 ? { at: firstAt("IN_PRODUCTION", "QUALITY_CHECK") ?? order.createdAt } : {}),
    },
    {
      key: "shipped",
      label: "Shipped",
      ...(progress >= 3 ? { at: line.shippedAt ?? firstAt("SHIPPED") ?? order.createdAt } : {}),
      ...(line.trackingNumber
        ? { detail: `${line.carrier ?? "Carrier"} · tracking ${line.trackingNumber}` }
        : {}),
    },
    {
      key: "delivered",
      label: "Delivered",
      ...(progress >= 4 ? { at: line.deliveredAt ?? firstAt("DELIVERED") ?? order.createdAt } : {}),
    },
  ];
  const firstOpen = steps.findIndex((step) => !step.at);
  return steps.map((step, index) => ({
    ...step,
    state: step.at ? "done" : index === firstOpen && order.status !== "CANCELLED" ? "current" : "ahead",
  }));
}
