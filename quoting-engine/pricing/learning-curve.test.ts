import { describe, expect, it } from "vitest";
import { learningCurveAverage, learningCurveUnit } from "./learning-curve";

describe("the learning curve (unit-time form)", () => {
  // Worked example of an 80 % curve: T₁ = 300 h gives T₅ = 178.7 h and 1,121.4 h for units 1–5.
  it("reproduces the 80 % worked example", () => {
    expect(300 * learningCurveUnit(5, 0.8)).toBeCloseTo(178.7, 1);
    // The book multiplies by a table factor rounded to 3.738; the exact sum is 3.7377.
    expect(300 * 5 * learningCurveAverage(5, 0.8)).toBeCloseTo(1121.4, 0);
  });

  it("is 1 for one part or a flat curve, falls with quantity, and stops at its floor", () => {
    expect(learningCurveAverage(1, 0.9)).toBe(1);
    expect(learningCurveAverage(50, 1)).toBe(1);
    const averages = [1, 2, 10, 100, 1000, 5000].map((quantity) => learningCurveAverage(quantity, 0.9));
    for (let index = 1; index < averages.length; index++)
      expect(averages[index]).toBeLessThan(averages[index - 1]!);
    expect(learningCurveAverage(5000, 0.9, 0.7)).toBe(0.7);
  });

  it("joins the exact sum and the integral smoothly at 2000 units", () => {
    expect(learningCurveAverage(2001, 0.9) / learningCurveAverage(2000, 0.9)).toBeCloseTo(1, 3);
  });
});
