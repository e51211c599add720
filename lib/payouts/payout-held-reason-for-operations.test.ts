import { describe, expect, it } from "vitest";
import { payoutHeldReasons } from "./payout-method-for";
import { payoutHeldReasonForOperations } from "./payout-held-reason-for-operations";

describe("payoutHeldReasonForOperations", () => {
  it.each(Object.entries(payoutHeldReasons))(
    "turns the stored reason %s into a sentence about the partner, for operations",
    (_, stored) => {
      const forOperations = payoutHeldReasonForOperations(stored);
      expect(forOperations).not.toBe(stored);
      expect(forOperations).not.toMatch(/\byour\b|Profile →|under Payouts/i);
    },
  );

  it("shows a reason written elsewhere (an operator's own note) as it was written", () => {
    expect(payoutHeldReasonForOperations("Bank returned the transfer")).toBe("Bank returned the transfer");
  });
});
