import { describe, expect, it } from "vitest";
import {
  checkSmallOrder,
  liftedSupplierTotal,
  supplierTakes,
  piecesToReach,
  type CapableSupplier,
} from "./small-order-check";

const fdmSupplier: CapableSupplier = {
  minOrderValueCents: 5_000,
  maxOrderValueCents: 5_000_000,
  costIndex: 1,
};
const on = { surchargeEnabled: true, surchargeMarginPercent: 25, surchargeFeeCents: 0 };
const off = { ...on, surchargeEnabled: false };
// The order of the issue: 5 FDM pieces at €52.75, the partner price €42.20, both partners' minimum €50.
const issueLine = { supplierTotalCents: 4_220, buyerTotalCents: 5_275 };

describe("checkSmallOrder", () => {
  it("lifts the partner price of the issue's order to the €50 minimum plus margin", () => {
    const check = checkSmallOrder(issueLine, [fdmSupplier, fdmSupplier], on, 25);
    expect(check).toEqual({
      kind: "surcharge",
      surchargeCents: 975,
      supplierTotalCents: 5_000,
      buyerTotalCents: 6_250,
      supplierMinimumCents: 5_000,
      missingCents: 975,
    });
    // What the matcher will see: the lifted line is taken.
    if (check.kind !== "surcharge") throw new Error("unreachable");
    expect(supplierTakes(fdmSupplier, check)).toBe(true);
    expect(supplierTakes(fdmSupplier, issueLine)).toBe(false);
  });

  it("says what is missing when operations switched the surcharge off", () => {
    expect(checkSmallOrder(issueLine, [fdmSupplier], off, 22)).toEqual({
      kind: "missing",
      missingCents: 6_100 - 5_275,
      supplierMinimumCents: 5_000,
    });
  });

  it("asks nothing of a line a partner takes as it is", () => {
    expect(
      checkSmallOrder({ supplierTotalCents: 5_000, buyerTotalCents: 6_000 }, [fdmSupplier], on, 25),
    ).toEqual({
      kind: "reaches",
    });
    const noMinimum = { ...fdmSupplier, minOrderValueCents: null };
    expect(checkSmallOrder(issueLine, [fdmSupplier, noMinimum], on, 25)).toEqual({ kind: "reaches" });
  });

  it("picks the partner that needs the smallest lift, counting its cost index like the matcher", () => {
    const dear = { minOrderValueCents: 4_500, maxOrderValueCents: null, costIndex: 1.5 }; // needs 3,000 of cost
    const cheap = { minOrderValueCents: 8_000, maxOrderValueCents: null, costIndex: 1 }; // needs 8,000
    const check = checkSmallOrder(
      { supplierTotalCents: 1_000, buyerTotalCents: 1_250 },
      [cheap, dear],
      on,
      25,
    );
    // 3,000 × 1.25 = 3,750 would leave the dear partner's price (4,500) without margin: one cent above it.
    expect(check).toMatchObject({ kind: "surcharge", supplierTotalCents: 3_000, buyerTotalCents: 4_501 });
    if (check.kind === "surcharge") expect(supplierTakes(dear, check)).toBe(true);
  });

  it("adds the per-line fee only to a lifted line, and the margin operations set", () => {
    const check = checkSmallOrder(
      issueLine,
      [fdmSupplier],
      { ...on, surchargeMarginPercent: 10, surchargeFeeCents: 500 },
      25,
    );
    expect(check).toMatchObject({
      kind: "surcharge",
      buyerTotalCents: 5_500 + 500,
      surchargeCents: 6_000 - 5_275,
    });
  });

  it("never lowers what the buyer pays", () => {
    // A high quote margin: the buyer total is above the lifted total already; only the supplier total rises.
    const check = checkSmallOrder(
      { supplierTotalCents: 4_900, buyerTotalCents: 9_000 },
      [fdmSupplier],
      on,
      80,
    );
    expect(check).toMatchObject({
      kind: "surcharge",
      surchargeCents: 0,
      supplierTotalCents: 5_000,
      buyerTotalCents: 9_000,
    });
  });

  it("finds no partner without capable partners, or above every maximum", () => {
    expect(checkSmallOrder(issueLine, [], on, 25).kind).toBe("no-partner");
    const small = { minOrderValueCents: 5_000, maxOrderValueCents: 4_000, costIndex: 1 };
    expect(checkSmallOrder(issueLine, [small], on, 25)).toMatchObject({ kind: "no-partner" });
  });
});

describe("liftedSupplierTotal", () => {
  it("reaches the minimum after the matcher's rounding, whatever the cost index", () => {
    for (const costIndex of [0.85, 0.9, 0.97, 1, 1.03, 1.1, 1.33]) {
      const supplier = { minOrderValueCents: 5_000, maxOrderValueCents: null, costIndex };
      const lifted = liftedSupplierTotal(supplier, 100)!;
      expect(Math.round(lifted * costIndex)).toBeGreaterThanOrEqual(5_000);
      expect(Math.round((lifted - 1) * costIndex)).toBeLessThan(5_000);
    }
  });
  it("leaves a total that reaches the minimum as it is", () => {
    expect(liftedSupplierTotal(fdmSupplier, 7_000)).toBe(7_000);
  });
});

describe("piecesToReach", () => {
  // €8.44 of partner price per piece: 6 pieces (€50.64) reach €50.
  const reaches = (quantity: number) => quantity * 844 >= 5_000;
  it("finds the smallest quantity that reaches", () => {
    expect(piecesToReach(1, 10_000, reaches)).toBe(6);
    expect(piecesToReach(5, 10_000, reaches)).toBe(6);
    expect(piecesToReach(1, 10_000, (quantity) => quantity >= 777)).toBe(777);
  });
  it("gives up at the largest quantity", () => {
    expect(piecesToReach(1, 5, reaches)).toBeNull();
    expect(piecesToReach(10_000, 10_000, reaches)).toBeNull();
  });
});
