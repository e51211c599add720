import { describe, expect, it } from "vitest";
import { describeRefundFailure, isCardRefundWorthRetrying } from "./describe-refund-failure";

describe("describeRefundFailure", () => {
  it("words Stripe's failure reasons and keeps the code", () => {
    expect(describeRefundFailure("failed", "expired_or_canceled_card")).toBe(
      "The card has expired or was cancelled (expired_or_canceled_card)",
    );
    expect(describeRefundFailure("failed", null)).toBe("The card issuer gave no reason (unknown)");
    expect(describeRefundFailure("failed", "something_new")).toBe(
      "Stripe reports the refund as failed (something_new)",
    );
    expect(describeRefundFailure("canceled", null)).toMatch(/cancelled/);
  });

  it("advises against retrying a card that is gone", () => {
    expect(isCardRefundWorthRetrying(describeRefundFailure("failed", "lost_or_stolen_card"))).toBe(false);
    expect(isCardRefundWorthRetrying(describeRefundFailure("failed", "insufficient_funds"))).toBe(true);
    expect(isCardRefundWorthRetrying(null)).toBe(true);
  });
});
