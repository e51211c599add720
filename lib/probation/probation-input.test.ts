import { describe, expect, it } from "vitest";
import { parseProbationTerms } from "./probation-input";

// Walk 10 (decision 0127): an auditor approving a new partner with conditions typed "1.000" as the
// largest job value and the partner's probation allowed jobs up to €1, so it was offered none.
describe("the probation's limits as operations type them", () => {
  const terms = (probationMaxOrderValueEuros: string) =>
    parseProbationTerms(
      { probationMaxOrderValueEuros, probationMaxOpenJobs: "2", conditionsDueOn: "2027-03-31" },
      "2026-12-07",
      "2027-12-01",
    );

  it("reads a thousands separator in the largest job value as thousands", () => {
    expect(terms("1.000").maxOrderValueCents).toBe(100_000);
    expect(terms("1,000").maxOrderValueCents).toBe(100_000);
    expect(terms("2.500,50").maxOrderValueCents).toBe(250_050);
    expect(terms("750").maxOrderValueCents).toBe(75_000);
  });

  it("refuses a value it cannot read, and none at or below zero", () => {
    for (const typed of ["1.000.0", "zero", "-5", "0"])
      expect(() => terms(typed), typed).toThrow("Enter the largest job value in euros");
  });
});
