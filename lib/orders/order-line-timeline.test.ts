import { describe, expect, it } from "vitest";
import { orderLineTimeline } from "./order-line-timeline";

const ordered = new Date("2026-11-20T09:00:00Z");
const confirmed = new Date("2026-11-20T09:00:01Z");
const order = {
  status: "IN_PROGRESS" as const,
  createdAt: ordered,
  confirmedAt: confirmed,
  paymentMethod: "INVOICE" as const,
};
const line = {
  id: "l1",
  status: "AWAITING_MATCH" as const,
  carrier: null,
  trackingNumber: null,
  shippedAt: null,
  deliveredAt: null,
};

describe("an order line's timeline", () => {
  it("marks ordered and invoiced done and placing with a partner as current", () => {
    const steps = orderLineTimeline({ order, line, changes: [] });
    expect(steps.map((step) => [step.key, step.state])).toEqual([
      ["ordered", "done"],
      ["paid", "done"],
      ["placed", "current"],
      ["production", "ahead"],
      ["shipped", "ahead"],
      ["delivered", "ahead"],
    ]);
  });

  it("dates each step from the history and shows the carrier and tracking number once shipped", () => {
    const accepted = new Date("2026-11-21T10:00:00Z");
    const shippedAt = new Date("2026-12-01T15:00:00Z");
    const steps = orderLineTimeline({
      order,
      line: { ...line, status: "SHIPPED", carrier: "DHL", trackingNumber: "00340434161094042557", shippedAt },
      changes: [
        { orderLineId: "l1", toStatus: "ACCEPTED", createdAt: accepted },
        { orderLineId: "other", toStatus: "IN_PRODUCTION", createdAt: new Date("2026-11-22T00:00:00Z") },
        { orderLineId: "l1", toStatus: "IN_PRODUCTION", createdAt: new Date("2026-11-23T00:00:00Z") },
      ],
    });
    expect(steps.find((step) => step.key === "placed")?.at).toEqual(accepted);
    expect(steps.find((step) => step.key === "production")?.at).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(steps.find((step) => step.key === "shipped")).toMatchObject({
      at: shippedAt,
      detail: "DHL · tracking 00340434161094042557",
    });
    expect(steps.find((step) => step.key === "delivered")?.state).toBe("current");
  });

  it("shows a card order as unpaid until the payment arrives", () => {
    const steps = orderLineTimeline({
      order: { ...order, status: "AWAITING_PAYMENT", confirmedAt: null, paymentMethod: "CARD" },
      line,
      changes: [],
    });
    expect(steps[1]).toMatchObject({ key: "paid", label: "Paid", state: "current" });
  });
});
