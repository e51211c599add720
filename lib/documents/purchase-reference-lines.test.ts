import { describe, expect, it } from "vitest";
import { countryName } from "./country-name";
import { purchaseReferenceLines } from "./purchase-reference-lines";

describe("purchaseReferenceLines", () => {
  it("prints the purchase order and the cost centre the buyer gave, nothing when neither", () => {
    expect(purchaseReferenceLines({ purchaseOrderNumber: "PO-4711", costCentre: "CC 200" })).toEqual([
      "Your purchase order: PO-4711",
      "Cost centre: CC 200",
    ]);
    expect(purchaseReferenceLines({ purchaseOrderNumber: null, costCentre: "CC 200" })).toEqual([
      "Cost centre: CC 200",
    ]);
    expect(purchaseReferenceLines({ purchaseOrderNumber: null, costCentre: null })).toEqual([]);
    expect(purchaseReferenceLines(null)).toEqual([]);
  });
});

describe("countryName", () => {
  it("names the country instead of its code", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("at")).toBe("Austria");
    expect(countryName("")).toBe("");
  });
});
