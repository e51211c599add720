import { describe, expect, it } from "vitest";
import { epcPaymentCode } from "./epc-payment-code";
import { paymentReferenceFor } from "./payment-reference";

const account = {
  holder: "Instant Quote GmbH",
  iban: "DE89370400440532013000",
  bic: "COBADEFFXXX",
  bankName: "Demo Bank",
};

describe("epcPaymentCode (EPC069-12 'GiroCode')", () => {
  it("puts a creditor reference into the structured field and the amount in euros", () => {
    const reference = paymentReferenceFor("Q-2026-000123");
    const { payload, modules } = epcPaymentCode({ account, amountCents: 118_952, reference });
    expect(payload.split("\n")).toEqual([
      "BCD",
      "002",
      "1",
      "SCT",
      "COBADEFFXXX",
      "Instant Quote GmbH",
      "DE89370400440532013000",
      "EUR1189.52",
      "",
      reference,
      "",
      "",
    ]);
    // Version 5 at level M holds it: 37 × 37 modules, small enough to scan from a printed page.
    expect(modules.size).toBeGreaterThanOrEqual(21);
    expect(modules.dark).toHaveLength(modules.size * modules.size);
  });

  it("puts an invoice number into the free-text field", () => {
    const { payload } = epcPaymentCode({ account, amountCents: 5_000, reference: "INV-2026-000007" });
    const lines = payload.split("\n");
    expect(lines[9]).toBe("");
    expect(lines[10]).toBe("INV-2026-000007");
  });
});
