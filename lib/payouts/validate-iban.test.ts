import { describe, expect, it } from "vitest";
import { formatIban, validateIban } from "./validate-iban";

describe("validateIban", () => {
  it.each([
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"],
    ["IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
    ["PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"],
    ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"],
    ["FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"],
    ["AT61 1904 3002 3457 3201", "AT611904300234573201"],
    ["BE68 5390 0754 7034", "BE68539007547034"],
    ["CH93 0076 2011 6238 5295 7", "CH9300762011623852957"],
    ["ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"],
    ["NO93 8601 1117 947", "NO9386011117947"],
    ["MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"],
  ])("accepts %s", (typed, iban) => {
    expect(validateIban(typed)).toEqual({ ok: true, iban });
  });

  it.each([
    ["lower case and stray spaces", "  de89 3704 0044 0532 0130 00 "],
    ["the paper form's IBAN prefix", "IBAN DE89 3704 0044 0532 0130 00"],
    ["a prefix with a colon and a non-breaking space", "IBAN:\u00a0DE89370400440532013000"],
  ])("normalises %s", (_case, typed) => {
    expect(validateIban(typed)).toEqual({ ok: true, iban: "DE89370400440532013000" });
  });

  it.each([
    ["nothing", "  ", "Enter the IBAN of the account we pay into."],
    [
      "a last digit typed wrong",
      "DE89 3704 0044 0532 0130 01",
      "The IBAN's check digits do not match: check for a typo.",
    ],
    [
      "two digits swapped",
      "GB82 WEST 1234 5698 7654 23",
      "The IBAN's check digits do not match: check for a typo.",
    ],
    [
      "check digits that are never issued",
      "DE99 3704 0044 0532 0130 00",
      "The IBAN's check digits do not match: check for a typo.",
    ],
    ["a digit missing", "DE89 3704 0044 0532 0130 0", "A German IBAN has 22 characters; this one has 21."],
    [
      "a digit too many",
      "IT60 X054 2811 1010 0000 0123 4567",
      "An Italian IBAN has 27 characters; this one has 28.",
    ],
    [
      "a German account number alone",
      "0532013000",
      "An IBAN starts with its country's two letters, e.g. DE for Germany.",
    ],
    [
      "an unknown country",
      "XX89 3704 0044 0532 0130 00",
      "XX is not a country with IBANs: check the first two letters.",
    ],
    [
      "letters for check digits",
      "DEAB 3704 0044 0532 0130 00",
      "The two characters after DE are the check digits: they are numbers, e.g. DE89.",
    ],
    ["dashes", "DE89-3704-0044-0532-0130-00", 'An IBAN has only letters and digits: remove the "-".'],
  ])("refuses %s and says what to fix", (_case, typed, message) => {
    expect(validateIban(typed)).toEqual({ ok: false, message });
  });
});

describe("formatIban", () => {
  it.each([
    ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00"],
    ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00"],
    ["BE68539007547034", "BE68 5390 0754 7034"],
  ])("groups %s in fours", (iban, formatted) => {
    expect(formatIban(iban)).toBe(formatted);
  });
});
