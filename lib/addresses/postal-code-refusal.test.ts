import { describe, expect, it } from "vitest";
import { addressSchema } from "../orders/checkout-fields";
import { companyAddressSchema } from "./address-book-fields";
import { postalCodeFormats, postalCodeRefusal } from "./postal-code-refusal";

const munich = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};

describe("postalCodeRefusal", () => {
  it("refuses a German postal code with a letter O for a zero, naming Germany's format", () => {
    expect(postalCodeRefusal("8O331", "DE")).toBe(
      '"8O331" is not a postal code in Germany: enter 5 digits, e.g. 80331.',
    );
    expect(postalCodeRefusal("80331", "DE")).toBeNull();
  });

  it("checks the code against its own country: Vienna's 1010 is Austrian, not German", () => {
    expect(postalCodeRefusal("1010", "AT")).toBeNull();
    expect(postalCodeRefusal("1010", "DE")).toMatch(/not a postal code in Germany/);
    expect(postalCodeRefusal("80331", "AT")).toBe(
      '"80331" is not a postal code in Austria: enter 4 digits, e.g. 1010.',
    );
    expect(postalCodeRefusal("00950", "PL")).toMatch(
      /Poland: enter 2 digits, a hyphen and 3 digits, e.g. 00-950/,
    );
    expect(postalCodeRefusal("1012 AB", "NL")).toBeNull();
    expect(postalCodeRefusal("SW1A 1AA", "GB")).toBeNull();
  });

  it("accepts every format's own example, so no message shows an example we would refuse", () => {
    for (const [country, format] of Object.entries(postalCodeFormats)) {
      const examples = [...format.matchAll(/(?:e\.g\.|such as) ([^,]+?)(?:,|$)/g)].map((match) => match[1]!);
      expect(examples.length, country).toBeGreaterThan(0);
      for (const example of examples)
        expect(postalCodeRefusal(example, country), `${country} ${example}`).toBeNull();
    }
  });

  it("takes any postal code in a country the library has no pattern for", () => {
    expect(postalCodeRefusal("whatever", "AQ")).toBeNull();
  });
});

describe("addresses refuse a postal code that is not their country's", () => {
  it("at checkout and in the order API (addressSchema), on the postal code field", () => {
    const result = addressSchema.safeParse({ ...munich, postalCode: "8O331" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["postalCode"],
        message: expect.stringMatching(/Germany: enter 5 digits/),
      }),
    ]);
    // Typed in small letters, tidied to capitals before the check.
    expect(addressSchema.parse({ ...munich, postalCode: " 1012 ab ", countryCode: "NL" }).postalCode).toBe(
      "1012 AB",
    );
  });

  it("in the address book", () => {
    const result = companyAddressSchema.safeParse({
      ...munich,
      kind: "SHIPPING",
      label: "Plant",
      countryCode: "FR",
      postalCode: "7500",
    });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      '"7500" is not a postal code in France: enter 5 digits, e.g. 75001.',
    ]);
  });
});
