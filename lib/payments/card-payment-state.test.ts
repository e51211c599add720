import { describe, expect, it } from "vitest";
import { cardPaymentState } from "./card-payment-state";

const attempt = (status: string, stripePaymentIntentId: string | null = null, method = "CARD") => ({
  method,
  status,
  amountCents: 11_900,
  stripePaymentIntentId,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  updatedAt: new Date("2026-12-01T10:05:00Z"),
});

describe("cardPaymentState", () => {
  it("says processing while a delayed payment waits for the bank", () => {
    const processing = attempt("PROCESSING", "pi_1");
    expect(cardPaymentState([attempt("FAILED"), processing])).toEqual({
      kind: "processing",
      payment: processing,
    });
  });

  it("says the bank refused it when the latest attempt failed after a payment was made", () => {
    const bounced = attempt("FAILED", "pi_2");
    expect(cardPaymentState([bounced])).toEqual({ kind: "failed-at-bank", payment: bounced });
    // A new attempt opened since: the page shows the pay button as usual.
    expect(cardPaymentState([bounced, attempt("PENDING")])).toBeNull();
  });

  it("says nothing for a session left to expire, an open attempt or other methods", () => {
    expect(cardPaymentState([attempt("FAILED")])).toBeNull();
    expect(cardPaymentState([attempt("PENDING")])).toBeNull();
    expect(cardPaymentState([attempt("PROCESSING", "pi_3", "BANK_TRANSFER")])).toBeNull();
    expect(cardPaymentState([])).toBeNull();
  });
});
