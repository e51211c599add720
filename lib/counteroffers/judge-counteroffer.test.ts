import { describe, expect, it } from "vitest";
import { judgeCounteroffer, leastSellPriceCents, type CounterofferTerms } from "./judge-counteroffer";

const settings = { maxRaisePercent: 25, minMarginPercent: 10, buyerDecisionWorkingHours: 48 };
const terms: CounterofferTerms = {
  offeredPriceCents: 10_000,
  lineTotalCents: 12_500,
  proposedPriceCents: 11_000,
  offeredDeliveryDate: "2027-01-20",
  proposedDeliveryDate: "2027-01-20",
  earliestDeliveryDate: "2027-01-08",
  latestDeliveryDate: "2027-07-09",
};

describe("judgeCounteroffer", () => {
  it("accepts a raise within the margin and the buyer's date automatically", () => {
    expect(judgeCounteroffer(terms, settings)).toEqual({
      ok: true,
      automatic: true,
      changesPrice: true,
      changesDate: false,
      buyerNetCents: null,
    });
  });

  it("leaves a later date to the buyer", () => {
    expect(judgeCounteroffer({ ...terms, proposedDeliveryDate: "2027-01-27" }, settings)).toMatchObject({
      ok: true,
      automatic: false,
      changesDate: true,
    });
  });

  it("refuses a price above the cap and names the cap", () => {
    const judged = judgeCounteroffer(
      { ...terms, lineTotalCents: 100_000, proposedPriceCents: 12_501 },
      settings,
    );
    expect(judged).toMatchObject({ ok: false, refusals: [{ field: "price" }] });
    expect(!judged.ok && judged.refusals[0]!.error).toContain("€125.00");
    expect(
      judgeCounteroffer({ ...terms, lineTotalCents: 100_000, proposedPriceCents: 12_500 }, settings).ok,
    ).toBe(true);
  });

  it("asks the buyer for the least sell price that keeps the margin when a price breaks the margin rule", () => {
    // 12,500 − 11,251 = 1,249 < 10 % of 12,500: the buyer is asked 11,251 / 0.9 = 12,501.11… → 12,502.
    expect(judgeCounteroffer({ ...terms, proposedPriceCents: 11_251 }, settings)).toEqual({
      ok: true,
      automatic: false,
      changesPrice: true,
      changesDate: false,
      buyerNetCents: 12_502,
    });
    expect(judgeCounteroffer({ ...terms, proposedPriceCents: 11_250 }, settings)).toMatchObject({
      ok: true,
      automatic: true,
      buyerNetCents: null,
    });
    // Up to the cap (+25 %): 12,500 / 0.9 → 13,889.
    expect(judgeCounteroffer({ ...terms, proposedPriceCents: 12_500 }, settings)).toMatchObject({
      buyerNetCents: 13_889,
    });
  });

  it("keeps the minimum margin exactly in whole cents", () => {
    for (const supplierCents of [1, 99, 11_251, 123_457, 9_999_999])
      for (const percent of [0, 7.5, 10, 33]) {
        const sell = leastSellPriceCents(supplierCents, percent);
        expect((sell - supplierCents) * 100).toBeGreaterThanOrEqual(sell * percent);
        expect((sell - 1 - supplierCents) * 100).toBeLessThan((sell - 1) * percent);
      }
  });

  it("refuses a counteroffer that changes nothing, a date in the past and a 0 € remake", () => {
    expect(judgeCounteroffer({ ...terms, proposedPriceCents: 10_000 }, settings).ok).toBe(false);
    expect(judgeCounteroffer({ ...terms, proposedDeliveryDate: "2027-01-07" }, settings)).toMatchObject({
      ok: false,
      refusals: [{ field: "deliveryDate" }],
    });
    expect(judgeCounteroffer({ ...terms, offeredPriceCents: 0 }, settings).ok).toBe(false);
  });

  it("names the earliest day as people read it", () => {
    expect(judgeCounteroffer({ ...terms, proposedDeliveryDate: "2026-11-01" }, settings)).toEqual({
      ok: false,
      refusals: [{ field: "deliveryDate", error: "Choose a delivery date from 8 Jan 2027 on." }],
    });
  });

  it("refuses a date past the horizon, which no buyer could order (the API took 2099), and takes the last day", () => {
    expect(judgeCounteroffer({ ...terms, proposedDeliveryDate: "2099-01-05" }, settings)).toEqual({
      ok: false,
      refusals: [
        {
          field: "deliveryDate",
          error: "Choose a delivery date up to 9 Jul 2027: no order is planned further ahead.",
        },
      ],
    });
    expect(judgeCounteroffer({ ...terms, proposedDeliveryDate: "2027-07-09" }, settings).ok).toBe(true);
  });

  it("names a price above the cap and a date past the horizon in one refusal, not one after the other", () => {
    const judged = judgeCounteroffer(
      { ...terms, proposedPriceCents: 99_000, proposedDeliveryDate: "2099-01-05" },
      settings,
    );
    expect(!judged.ok && judged.refusals.map((refusal) => refusal.field)).toEqual(["price", "deliveryDate"]);
  });
});
