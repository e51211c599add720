import { describe, expect, it } from "vitest";
import { buyerPriceChange, orderVatPercent } from "./buyer-price-change";

describe("buyerPriceChange", () => {
  it("charges the difference with VAT on its own net, and the rows add up to the cent", () => {
    const change = buyerPriceChange(12_345, 13_889, 19);
    expect(change.difference).toEqual({ netCents: 1_544, vatCents: 293, grossCents: 1_837 });
    expect(change.previous).toEqual({ netCents: 12_345, vatCents: 2_346, grossCents: 14_691 });
    expect(change.next.grossCents - change.previous.grossCents).toBe(change.difference.grossCents);
    expect(change.next.netCents + change.next.vatCents).toBe(change.next.grossCents);
  });

  it("charges no VAT on reverse-charge and export orders", () => {
    expect(buyerPriceChange(10_000, 11_000, 0).difference).toEqual({
      netCents: 1_000,
      vatCents: 0,
      grossCents: 1_000,
    });
  });
});

describe("orderVatPercent", () => {
  it("reads the order's VAT rule, or its VAT amount on older orders", () => {
    expect(orderVatPercent({ vatTreatment: "GERMAN_VAT", vatCents: 1 })).toBe(19);
    expect(orderVatPercent({ vatTreatment: "REVERSE_CHARGE", vatCents: 0 })).toBe(0);
    expect(orderVatPercent({ vatTreatment: "EXPORT", vatCents: 0 })).toBe(0);
    expect(orderVatPercent({ vatTreatment: null, vatCents: 1900 })).toBe(19);
    expect(orderVatPercent({ vatTreatment: null, vatCents: 0 })).toBe(0);
  });
});
