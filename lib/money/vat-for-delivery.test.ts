import { describe, expect, it } from "vitest";
import { vatForDelivery, type BuyerVatId } from "./vat-for-delivery";

const id = (value: string, countryCode: string, confirmed: boolean, memberState = true): BuyerVatId => ({
  value,
  countryCode,
  confirmed,
  memberState,
});

describe("VAT on a delivery", () => {
  it.each([
    ["DE", id("DE812345673", "DE", false), 19, "GERMAN_VAT"],
    ["DE", null, 19, "GERMAN_VAT"],
    // A confirmed Austrian ID with delivery to Germany is a domestic supply.
    ["DE", id("ATU12345675", "AT", true), 19, "GERMAN_VAT"],
    ["AT", id("ATU12345675", "AT", true), 0, "REVERSE_CHARGE"],
    // The ID's member state need not be the destination, only another than Germany.
    ["FR", id("ATU12345675", "AT", true), 0, "REVERSE_CHARGE"],
    ["AT", id("XI123456782", "GB", true), 0, "REVERSE_CHARGE"],
    ["AT", id("ATU12345675", "AT", false), 19, "GERMAN_VAT"],
    ["AT", id("DE812345673", "DE", true), 19, "GERMAN_VAT"],
    ["AT", id("GB123456782", "GB", false, false), 19, "GERMAN_VAT"],
    ["AT", null, 19, "GERMAN_VAT"],
    ["CH", null, 0, "EXPORT"],
    ["GB", id("XI123456782", "GB", true), 0, "EXPORT"],
    ["us", undefined, 0, "EXPORT"],
  ])("shipping to %s with VAT ID %o is %i %% (%s)", (country, vatId, percent, treatment) => {
    const decision = vatForDelivery(country, vatId);
    expect(decision.percent).toBe(percent);
    expect(decision.treatment).toBe(treatment);
  });

  it("says why in the buyer's words", () => {
    expect(vatForDelivery("AT", id("ATU12345675", "AT", true)).label).toBe("0 % reverse charge");
    expect(vatForDelivery("DE", null).label).toBe("19 % German VAT");
    expect(vatForDelivery("CH", null).label).toBe("0 % export");
    expect(vatForDelivery("AT", id("ATU12345675", "AT", false)).reason).toMatch(/could not confirm/);
  });
});
