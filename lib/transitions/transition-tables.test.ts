import { describe, expect, it } from "vitest";
import { auditTransitions } from "../audits/audit-transitions";
import { AuditStatus, OfferStatus, OrderLineStatus, OrderStatus, PayoutStatus } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { offerTransitions } from "../matching/offer-transitions";
import { orderLineTransitions } from "../orders/order-line-transitions";
import { orderTransitions } from "../orders/order-transitions";
import { payoutTransitions } from "../payouts/payout-transitions";
import type { TransitionTable } from "./transition-table";

const tables: [string, TransitionTable<string>, readonly string[]][] = [
  ["order", orderTransitions, Object.values(OrderStatus)],
  ["order line", orderLineTransitions, Object.values(OrderLineStatus)],
  ["offer", offerTransitions, Object.values(OfferStatus)],
  ["payout", payoutTransitions, Object.values(PayoutStatus)],
  ["supplier audit", auditTransitions, Object.values(AuditStatus)],
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(tables)("the %s transition table", (_thing, table, statuses) => {
  it("lists every status of the database enum, and moves and starts only to known statuses", () => {
    expect(Object.keys(table.moves).sort()).toEqual([...statuses].sort());
    for (const next of Object.values(table.moves))
      for (const status of next) expect(statuses).toContain(status);
    expect(table.initial.length).toBeGreaterThan(0);
    for (const status of table.initial) expect(statuses).toContain(status);
  });

  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));
  it(`allows exactly the listed moves of all ${pairs.length} pairs; a forbidden one throws invalid_state_transition`, () => {
    let allowed = 0;
    for (const [from, to] of pairs) {
      const error = thrown(() => table.assertMove(from, to));
      const listed = (table.moves[from] ?? []).includes(to);
      expect(table.can(from, to), `${from} -> ${to}`).toBe(listed);
      if (listed) {
        allowed += 1;
        expect(error, `${from} -> ${to}`).toBeUndefined();
      } else {
        expect(error, `${from} -> ${to}`).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("invalid_state_transition");
        expect((error as AppError).details).toEqual({ from, to });
        expect((error as AppError).message).toContain(`${from} cannot become ${to}`);
      }
    }
    expect(allowed).toBe(Object.values(table.moves).flat().length);
  });

  it("lets a new row start only in an initial status", () => {
    for (const status of statuses) {
      const error = thrown(() => table.enter(status));
      if (table.initial.includes(status)) expect(table.enter(status)).toBe(status);
      else expect((error as AppError).code, status).toBe("invalid_state_transition");
    }
  });

  it("never moves a status to itself (staying is not a move)", () => {
    for (const status of statuses) expect(table.can(status, status)).toBe(false);
  });
});

describe("the final statuses", () => {
  it("keeps paid and cancelled payouts, answered offers and decided audits where they are", () => {
    // Only Stripe reversing the whole transfer (lib/payouts/record-transfer-reversal.ts) reopens a paid payout.
    expect(payoutTransitions.moves.PAID).toEqual(["FAILED"]);
    expect(payoutTransitions.moves.CANCELLED).toEqual([]);
    for (const answered of ["REJECTED", "EXPIRED", "WITHDRAWN"] as const)
      expect(offerTransitions.moves[answered]).toEqual([]);
    for (const decided of ["APPROVED", "APPROVED_WITH_CONDITIONS", "REJECTED"] as const)
      expect(auditTransitions.moves[decided]).toEqual([]);
  });
});
