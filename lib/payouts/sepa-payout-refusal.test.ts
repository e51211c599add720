import { describe, expect, it } from "vitest";
import { sepaPayoutRefusal } from "./sepa-payout-refusal";

describe("sepaPayoutRefusal", () => {
  it.each([
    ["a German account without a BIC", "DE89370400440532013000", null],
    ["an Italian account with a BIC", "IT60X0542811101000000123456", "BPMOIT22XXX"],
    ["a Norwegian account (EEA) without a BIC", "NO9386011117947", null],
    ["a Swiss account with its BIC", "CH9300762011623852957", "UBSWCHZH80A"],
  ])("lets %s through", (_case, iban, bic) => {
    expect(sepaPayoutRefusal(iban, bic)).toBeNull();
  });

  it.each([
    ["Saudi", "SA0380000000608010167519"],
    ["Turkish", "TR330006100519786457841326"],
    ["Brazilian", "BR1500000000000010932840814P2"],
  ])("refuses a %s IBAN, which a SEPA transfer does not reach, naming the country", (adjective, iban) => {
    expect(sepaPayoutRefusal(iban, "ABCDEFGH")).toEqual({
      field: "iban",
      message: `We pay partners by SEPA transfer, which does not reach ${adjective} accounts: give the IBAN of an account in a SEPA country (the EU, Norway, Switzerland, the UK…).`,
    });
  });

  it.each([
    ["Swiss", "CH9300762011623852957"],
    ["British", "GB82WEST12345698765432"],
  ])("asks for the BIC of a %s account, outside the EEA", (adjective, iban) => {
    expect(sepaPayoutRefusal(iban, null)).toEqual({
      field: "bic",
      message: `A SEPA transfer to a ${adjective} account needs the bank's BIC: enter it (8 or 11 letters and digits, on your bank statement).`,
    });
  });

  // Found on walk 7: a Polish IBAN saved with Deutsche Bank's BIC, and a Swiss one with "ABCDEFGH" (no
  // country "EF"). Outside the EEA the bank routes the transfer by the BIC: a wrong one sends the money astray.
  it.each([
    [
      "a Polish account with a German bank's BIC",
      "PL61109010140000071219812874",
      "DEUTDEFF",
      "Poland",
      "Germany",
    ],
    [
      "a Swiss account with a British bank's BIC",
      "CH9300762011623852957",
      "NWBKGB2L",
      "Switzerland",
      "United Kingdom",
    ],
  ])("refuses %s, naming both countries", (_case, iban, bic, ibanCountry, bicCountry) => {
    expect(sepaPayoutRefusal(iban, bic)).toEqual({
      field: "bic",
      message: `The BIC ${bic} is of a bank in ${bicCountry}, but the IBAN is of an account in ${ibanCountry}: copy the BIC from the same bank statement as the IBAN.`,
    });
  });

  it("refuses a BIC whose country letters name no country", () => {
    expect(sepaPayoutRefusal("CH9300762011623852957", "ABCDEFGH")).toEqual({
      field: "bic",
      message:
        "ABCDEFGH is not a BIC: its 5th and 6th letters are the bank's country (DE in COBADEFFXXX), and EF is none. Copy it from your bank statement.",
    });
  });

  it.each([
    ["a Jersey bank's BIC on a British IBAN", "GB82WEST12345698765432", "RBOSJESH"],
    ["a Réunion bank's BIC on a French IBAN", "FR7630006000011234567890189", "BNPARERXXXX"],
    ["an Åland bank's BIC on a Finnish IBAN", "FI2112345600000785", "AABAFI22"],
    ["an Åland bank's own-territory BIC on a Finnish IBAN", "FI2112345600000785", "ABCDAXAX"],
  ])("lets %s through: those territories keep accounts under that IBAN country", (_case, iban, bic) => {
    expect(sepaPayoutRefusal(iban, bic)).toBeNull();
  });
});
