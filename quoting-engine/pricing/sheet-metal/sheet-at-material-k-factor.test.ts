import { describe, expect, it } from "vitest";
import { sheetReport } from "../../../tests/fixtures/sheet-metal-report";
import { defaultPricingData } from "../default-pricing-data";
import type { PricingData } from "../pricing-data";
import { quotePart, type QuoteResult } from "../quote-part";
import type { KFactorRow } from "./sheet-metal-pricing-data";

// A 5 mm U channel in S235JR: blank 400 × 200 with two 90° bends running along its width, unfolded by
// the analysis with K = 0.44. Each bend's allowance is α (r + K t), so changing K by ΔK widens the blank
// across the bends by 2 × π/2 × ΔK × 5 mm.
const channel = sheetReport({
  thicknessMm: 5,
  blankMm: [400, 200],
  bendRadiiMm: [5, 5],
  sizeMm: [400, 90, 60],
});

function withSteelK(kFactor: number): PricingData {
  const others = defaultPricingData.sheetMetal.kFactors.filter((row) => row.group !== "steel");
  const steel: KFactorRow = { group: "steel", upToThicknessMm: 20, kFactor };
  return {
    ...defaultPricingData,
    sheetMetal: { ...defaultPricingData.sheetMetal, kFactors: [...others, steel] },
  };
}

function materialLine(result: QuoteResult) {
  if (!result.ok || result.needsManualQuote) throw new Error(JSON.stringify(result));
  return result.breakdown.find((line) => line.kind === "material")!;
}

describe("the K-factor at pricing (issue 23)", () => {
  const options = {
    process: "sheet_metal" as const,
    materialCode: "S235JR",
    quantity: 1,
    today: "2026-12-07",
  };

  it("unfolds with the chosen material's K-factor from the settings, not the analysis's 0.44", () => {
    // K 0.25: 200 + 2 × π/2 × (0.25 − 0.44) × 5 = 197.0 mm; K 0.75: 200 + 2 × π/2 × 0.31 × 5 = 204.9 mm.
    const soft = materialLine(quotePart(channel, options, withSteelK(0.25)));
    const hard = materialLine(quotePart(channel, options, withSteelK(0.75)));
    expect(soft.label).toContain("blank 400 × 197 mm");
    expect(hard.label).toContain("blank 400 × 205 mm");
    expect(hard.centsPerPart).toBeGreaterThan(soft.centsPerPart);
  });

  it("leaves the analysis's blank alone when the table gives the K it was unfolded with", () => {
    expect(materialLine(quotePart(channel, options, withSteelK(0.44))).label).toContain("blank 400 × 200 mm");
  });
});
