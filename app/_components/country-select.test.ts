import { describe, expect, it } from "vitest";
import { postalCodeFormats } from "@/lib/addresses/postal-code-refusal";
import { countries } from "./country-select";

describe("the countries we sell to", () => {
  it("each have their postal code format written out for the message that refuses a code", () => {
    expect(Object.keys(postalCodeFormats).sort()).toEqual(countries.map(([code]) => code).sort());
  });

  it("are offered in the order of their names (walk 10: Switzerland sat between Bulgaria and Cyprus)", () => {
    const names = countries.map(([, name]) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });
});
