import { describe, expect, it } from "vitest";
import { payoutHeldReasons } from "./payout-method-for";
import { payoutStatusForSupplier } from "./payout-status-for-supplier";

const heldForTaxDetails = {
  status: "HELD" as const,
  method: "MANUAL_TRANSFER" as const,
  dueAt: null,
  paidAt: null,
  heldReason: payoutHeldReasons.missingTaxData,
};

describe("payoutStatusForSupplier", () => {
  // Found on walk 7: a Polish partner whose VAT ID waited for VIES read "enter your VAT ID or German tax
  // number (Steuernummer)", though it had entered its VAT ID and there was nothing to enter.
  it("says what of the tax details is missing for this partner, when the page knows it", () => {
    const missing =
      "VIES has not yet confirmed your VAT ID PL5260250274; we ask again every hour. Check it under Profile → Tax details.";
    expect(payoutStatusForSupplier(heldForTaxDetails, { taxDetailsMissing: missing })).toBe(
      `Held: ${missing}`,
    );
  });

  it("keeps the stored reason without that knowledge, and for payouts held for another reason", () => {
    expect(payoutStatusForSupplier(heldForTaxDetails)).toBe(`Held: ${payoutHeldReasons.missingTaxData}`);
    expect(
      payoutStatusForSupplier(
        { ...heldForTaxDetails, heldReason: payoutHeldReasons.missingDetails },
        { taxDetailsMissing: "Enter your VAT ID (e.g. IT02743690154) under Profile → Tax details." },
      ),
    ).toBe(`Held: ${payoutHeldReasons.missingDetails}`);
  });
});
