import { describe, expect, it } from "vitest";
import { z } from "zod";
import { counterofferSchema } from "../counteroffers/submit-counteroffer";
import { euroCentsInput } from "../settings/settings-input-fields";
import { optionalEurosField } from "../suppliers/profile-fields";
import { typedEuros } from "./typed-euros";

// Walk 10 (decision 0127): a German partner countered "1.215" (€1,215) and the counteroffer form read
// €1.22, below the buyer's price, so it was accepted at once; "1.215,50" was refused. Refunds read the
// same way ("1.215" refunded €1.22). Every amount typed in euros goes through parseEuroCents now.
describe("amounts typed in euros on the partner's and operations' forms", () => {
  const counteroffer = (price: string) =>
    counterofferSchema.parse({ price, deliveryDate: "2026-12-21" }).price;

  it("reads a counteroffer's thousands separator as thousands, in either convention", () => {
    expect(counteroffer("1.215")).toBe(121_500);
    expect(counteroffer("1.215,50")).toBe(121_550);
    expect(counteroffer("1,215.50")).toBe(121_550);
    expect(counteroffer("215,5")).toBe(21_550);
  });

  it("refuses an amount it cannot read instead of guessing", () => {
    expect(() => counteroffer("1.215.50")).toThrow("Enter your price for the whole job in euros");
    expect(() => euroCentsInput("the price per kg", 10_000).parse("2.5.0")).toThrow();
  });

  it("gives refunds the same reading, an empty refund being none", () => {
    const refund = z.preprocess(typedEuros, z.number().default(0));
    expect(refund.parse("1.215")).toBe(1215);
    expect(refund.parse("")).toBe(0);
    expect(refund.parse(59.5)).toBe(59.5);
    expect(refund.parse("-1.215,50")).toBe(-1215.5);
    expect(Number.isNaN(z.preprocess(typedEuros, z.any()).parse("12,5.0"))).toBe(true);
  });

  it("reads the profile's order values as before", () => {
    expect(optionalEurosField("m").parse("25.000")).toBe(2_500_000);
    expect(optionalEurosField("m").parse("150,50")).toBe(15_050);
    expect(optionalEurosField("m").parse("")).toBeNull();
  });
});
