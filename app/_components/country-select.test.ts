import { describe, expect, it } from "vitest";
import { postalCodeFormats } from "@/lib/addresses/postal-code-refusal";
import { countries } from "./country-select";

describe("the countries we sell to", () => {
  it("each have their postal code format written out for the message that refuses a code", () => {
    expect(Object.keys(postalCodeFormats).sort()).toEqual(countries.map(([code]) => code).sort());
  });
});
