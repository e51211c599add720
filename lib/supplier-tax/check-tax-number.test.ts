import { describe, expect, it } from "vitest";
import { checkTaxNumber } from "./check-tax-number";

describe("checkTaxNumber", () => {
  it("takes ELSTER's 13-digit form, with or without spaces and slashes", () => {
    expect(checkTaxNumber("2893081508152")).toEqual({ ok: true, taxNumber: "2893081508152" });
    expect(checkTaxNumber(" 28 93 0815 08152 ")).toEqual({ ok: true, taxNumber: "2893081508152" });
    expect(checkTaxNumber("1121081508150")).toEqual({ ok: true, taxNumber: "1121081508150" });
  });

  it("takes a number in the states' own scheme with its state, and gives the 13-digit form", () => {
    expect(checkTaxNumber("93815/08152", "DE-BW")).toEqual({ ok: true, taxNumber: "2893081508152" });
    expect(checkTaxNumber("24/815/08151", "DE-NI")).toEqual({ ok: true, taxNumber: "2324081508151" });
  });

  it("asks for the state when the number does not name it", () => {
    const result = checkTaxNumber("93815/08152");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Choose the state of your tax office/);
  });

  it("refuses a wrong check digit, an unknown tax office, letters, and a state that does not fit", () => {
    expect(checkTaxNumber("2893081508153")).toEqual({
      ok: false,
      message: expect.stringMatching(/check digit does not match/),
    });
    expect(checkTaxNumber("9198081508152")).toEqual({
      ok: false,
      message: expect.stringMatching(/No German tax office has that number/),
    });
    expect(checkTaxNumber("DE145238764")).toEqual({
      ok: false,
      message: expect.stringMatching(/only digits, spaces and slashes/),
    });
    expect(checkTaxNumber("24/815/08151", "DE-BY").ok).toBe(false);
    expect(checkTaxNumber("12345").ok).toBe(false);
  });
});
