import { describe, expect, it } from "vitest";
import { payoutAmountForSupplier } from "./payout-amount-for-supplier";

const line = {
  supplierCompanyId: "kowalski",
  supplierTotalCents: 18_000,
  offers: [{ supplierCompanyId: "kowalski", status: "ACCEPTED", supplierPriceCents: 18_470 }],
};

describe("payoutAmountForSupplier", () => {
  // Found on walk 7: a payout held for the partner's tax details showed "–" as its amount, though the
  // e-mail about it said "We owe you €184.70 net".
  it("shows a payout held before its invoice as what the partner earns for the job, net", () => {
    expect(
      payoutAmountForSupplier({ status: "HELD", amountCents: 0, invoice: null, orderLine: line }),
    ).toEqual({ cents: 18_470, net: true });
  });

  it("shows an invoiced payout's own amount, and nothing for one not yet due", () => {
    expect(
      payoutAmountForSupplier({
        status: "PAID",
        amountCents: 18_470,
        invoice: { number: "SB-1" },
        orderLine: line,
      }),
    ).toEqual({ cents: 18_470, net: false });
    expect(
      payoutAmountForSupplier({ status: "WAITING", amountCents: 0, invoice: null, orderLine: line }),
    ).toBeNull();
  });
});
