import { describe, expect, it } from "vitest";
import { vatForSupplierSupply } from "./vat-for-supplier-supply";

describe("vatForSupplierSupply", () => {
  it.each([
    ["DE", 19, /^VAT 19/],
    ["de", 19, /^VAT 19/],
    ["IT", 0, /Reverse charge/],
    ["PL", 0, /Reverse charge/],
    ["CH", 0, /outside the EU/],
  ])("a partner in %s is invoiced with %i %% VAT", (country, percent, note) => {
    const vat = vatForSupplierSupply(country);
    expect(vat.percent).toBe(percent);
    expect(vat.note).toMatch(note);
  });
});
