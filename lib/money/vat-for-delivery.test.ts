import { describe, expect, it } from "vitest";
import { vatForDelivery } from "./vat-for-delivery";

describe("VAT on a delivery", () => {
  it.each([
    ["DE", "DE123456789", 19],
    ["DE", null, 19],
    ["AT", "ATU12345678", 0],
    ["AT", null, 19],
    ["CH", null, 0],
    ["us", undefined, 0],
  ])("shipping to %s with VAT number %s is %i %%", (country, vatNumber, percent) => {
    expect(vatForDelivery(country, vatNumber).percent).toBe(percent);
  });
});
