import { describe, expect, it } from "vitest";
import { OrderLineStatus, OrderStatus } from "../db/generated/enums";
import { orderLineTransitions } from "./order-line-transitions";
import { orderTransitions } from "./order-transitions";

const canMoveOrder = orderTransitions.can;
const canMoveOrderLine = orderLineTransitions.can;

describe("the order status machine", () => {
  it.each([
    ["AWAITING_APPROVAL", "AWAITING_PAYMENT", true],
    ["AWAITING_PAYMENT", "CONFIRMED", true],
    ["AWAITING_PAYMENT", "IN_PROGRESS", false],
    ["COMPLETED", "CANCELLED", false],
    ["COMPLETED", "IN_PROGRESS", true], // a remake of a delivered line
    ["CANCELLED", "CONFIRMED", false],
  ] as const)("%s -> %s allowed: %s", (from, to, allowed) => {
    expect(canMoveOrder(from, to)).toBe(allowed);
  });

  it("lists every status of the database enum, and ends only in CANCELLED (a completed order reopens only for a remake)", () => {
    expect(Object.keys(orderTransitions.moves).sort()).toEqual(Object.values(OrderStatus).sort());
    const ends = Object.entries(orderTransitions.moves)
      .filter(([, next]) => next.length === 0)
      .map(([status]) => status);
    expect(ends).toEqual(["CANCELLED"]);
    expect(orderTransitions.moves.COMPLETED).toEqual(["IN_PROGRESS"]);
  });

  it("reaches COMPLETED from every status that is not an end", () => {
    for (const start of Object.values(OrderStatus)) {
      if (start === "CANCELLED") continue;
      const seen = new Set<string>([start]);
      const queue: OrderStatus[] = [start];
      for (let status = queue.shift(); status; status = queue.shift()) {
        for (const next of orderTransitions.moves[status]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      expect(seen.has("COMPLETED"), `${start} cannot complete`).toBe(true);
    }
  });
});

describe("the order line status machine", () => {
  it.each([
    ["AWAITING_MATCH", "OFFERED", true],
    ["OFFERED", "AWAITING_MATCH", true], // rejected or expired offer: next candidate
    ["OFFERED", "SHIPPED", false],
    ["SHIPPED", "DELIVERED", true],
    ["SHIPPED", "CANCELLED", false], // a shipped part can no longer be cancelled
    ["DELIVERED", "IN_PRODUCTION", true], // remake after an upheld complaint
    ["CANCELLED", "AWAITING_MATCH", false],
  ] as const)("%s -> %s allowed: %s", (from, to, allowed) => {
    expect(canMoveOrderLine(from, to)).toBe(allowed);
  });

  it("lists every status of the database enum and refers only to known statuses", () => {
    const statuses = Object.values(OrderLineStatus);
    expect(Object.keys(orderLineTransitions.moves).sort()).toEqual([...statuses].sort());
    for (const next of Object.values(orderLineTransitions.moves))
      for (const status of next) expect(statuses).toContain(status);
  });
});
