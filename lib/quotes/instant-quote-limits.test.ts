import { describe, expect, it } from "vitest";
import { horizonInWords, instantQuoteLimitReason } from "./instant-quote-limits";

const rules = { maxInstantQuantity: 10_000, horizonDays: 183 };
const quote = (quantity: number, earliestDate: string) => ({
  quantity,
  delivery: { date: earliestDate, tier: "standard" as const, earliestDate, options: [] },
});

describe("instantQuoteLimitReason", () => {
  it("sends 100,000 pieces to a person, with the reason", () => {
    expect(instantQuoteLimitReason(quote(100_000, "2031-02-03"), rules, "2026-12-05")).toBe(
      "100,000 pieces: we quote this by hand within one working day (instant prices go up to 10,000 pieces).",
    );
  });
  it("sends a part whose earliest date is beyond the horizon to a person", () => {
    expect(instantQuoteLimitReason(quote(5_000, "2027-06-07"), rules, "2026-12-05")).toBe(
      "5,000 pieces would take until 7 Jun 2027 at the earliest, more than 6 months out: we quote this by hand within one working day.",
    );
  });
  it("prices the limit itself and a date on the horizon instantly", () => {
    expect(instantQuoteLimitReason(quote(10_000, "2027-06-06"), rules, "2026-12-05")).toBeNull();
  });
  it("names short horizons in days", () => {
    expect(horizonInWords(45)).toBe("45 days");
    expect(horizonInWords(365)).toBe("12 months");
  });
});
