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
});
