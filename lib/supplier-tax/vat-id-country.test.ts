import { describe, expect, it } from "vitest";
import { vatIdCountry } from "./vat-id-country";

describe("the country that issued a VAT ID", () => {
  it("reads the prefix, with Greece's EL, Northern Ireland's XI and Switzerland's CHE", () => {
    expect(vatIdCountry("DE 123 456 789")).toBe("DE");
    expect(vatIdCountry("esB12345678")).toBe("ES");
    expect(vatIdCountry("EL123456789")).toBe("GR");
    expect(vatIdCountry("XI 123 4567 89")).toBe("GB");
    expect(vatIdCountry("CHE-123.456.789 MWST")).toBe("CH");
  });

  it("says null for a number without a country prefix", () => {
    expect(vatIdCountry("123456789")).toBeNull();
  });
});
