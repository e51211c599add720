import { describe, expect, it } from "vitest";
import { sheetReport } from "../../../tests/fixtures/sheet-metal-report";
import { syntheticReport } from "../../../tests/fixtures/synthetic-report";
import type { AnalysisReport } from "../../analysis/analyze-file";
import type { SheetMetalResult } from "../../analysis/sheet-metal/sheet-metal-types";
import { compareProcesses } from "../compare-processes";
import { defaultPricingData as data } from "../default-pricing-data";
import { quotePart, type PricedQuote, type QuoteOptions, type QuoteResult } from "../quote-part";
import { cutSpeedAt } from "./cut-speed-at";
import { kFactorFor } from "./k-factor-for";
import { nestBlank } from "./nest-blank";

const today = "2026-11-23";
const bent: QuoteOptions = { process: "sheet_metal", materialCode: "DC01", quantity: 10, today };
const flat: QuoteOptions = { ...bent, process: "laser_cutting" };
const pricedOf = (result: QuoteResult): PricedQuote => {
  if (!result.ok || result.needsManualQuote) throw new Error(JSON.stringify(result));
  return result;
};
// An L bracket: 2 mm, blank 120 × 80 with two ⌀6 holes, one bend of r 2.
const bracket = sheetReport({
  thicknessMm: 2,
  blankMm: [120, 80],
  bendRadiiMm: [2],
  holesMm: [6, 6],
  sizeMm: [120, 50, 32],
});
const plate = sheetReport({ thicknessMm: 2, blankMm: [120, 80], holesMm: [6, 6] });

describe("nesting a blank on sheet formats", () => {
  it("fits a grid in the better orientation on the format that wastes least", () => {
    // 2000 × 1000 less 2 × 10 trim plus one 5 mm web: 1985 × 985 usable;
    // upright 18 × 17 = 306, turned floor(1985 / 55) × floor(985 / 105) = 36 × 9 = 324.
    const nesting = nestBlank([100, 50], [[2000, 1000]], 5, 10)!;
    expect(nesting.perSheet).toBe(324);
    expect(nesting.sheetShareMm2).toBeCloseTo(2_000_000 / 324, 6);
  });
  it("takes the large format when only it holds the blank, and none when no format does", () => {
    expect(nestBlank([2800, 1200], data.sheetMetal.sheetSizesMm, 5, 10)!.sheetMm).toEqual([3000, 1500]);
    expect(nestBlank([3100, 100], data.sheetMetal.sheetSizesMm, 5, 10)).toBeUndefined();
  });
});

describe("the laser's speed table", () => {
  it("interpolates between rows and cannot cut beyond the thickest", () => {
    expect(cutSpeedAt(data.sheetMetal.cutSpeeds, "steel", 2.5)!.mmPerMinute).toBeCloseTo(
      (4800 + 3300) / 2,
      6,
    );
    expect(cutSpeedAt(data.sheetMetal.cutSpeeds, "steel", 0.5)!.mmPerMinute).toBe(30000);
    expect(cutSpeedAt(data.sheetMetal.cutSpeeds, "aluminium", 11)).toBeUndefined();
  });
  it("reads the K-factor by group and thickness", () => {
    expect(kFactorFor(data.sheetMetal.kFactors, "aluminium", 2)).toBe(0.4);
    expect(kFactorFor(data.sheetMetal.kFactors, "steel", 0.8)).toBe(0.42);
    expect(kFactorFor(data.sheetMetal.kFactors, "stainless", 30)).toBe(0.46);
    expect(kFactorFor([], "steel", 2)).toBe(0.44);
  });
});

describe("pricing sheet metal", () => {
  it("prices the bracket line by line: nested material, cut length and pierces, one bend, one tool set", () => {
    const quote = pricedOf(quotePart(bracket, bent, data));
    const labels = quote.breakdown.map((line) => line.label);
    expect(labels[0]).toMatch(
      /^Steel DC01 .*2 mm: blank 120 × 80 mm, \d+ per \d+ × \d+ sheet, \+15 % scrap$/,
    );
    const cut = quote.breakdown.find((line) => line.label.startsWith("Laser cutting"))!;
    const cutMm = 2 * (120 + 80) + 2 * Math.PI * 6;
    // 2 mm steel: 4800 mm/min and 0.3 s per pierce (3 pierces), plus 0.3 min handling.
    expect(cut.minutesPerPart).toBeCloseTo(cutMm / 4800 + (3 * 0.3) / 60 + 0.3, 2);
    expect(cut.label).toContain("3 pierces");
    expect(labels).toContain("Bending 1 bend");
    expect(labels.some((label) => label.startsWith("Press brake: program and 1 tool set"))).toBe(true);
    expect(quote.breakdown.reduce((sum, line) => sum + line.centsPerPart, 0)).toBe(
      quote.buyer.unitPriceCents,
    );
  });

  it("charges a setup per distinct tool set and time per bend", () => {
    const one = pricedOf(
      quotePart(sheetReport({ thicknessMm: 2, blankMm: [120, 80], bendRadiiMm: [2, 2] }), bent, data),
    );
    const two = pricedOf(
      quotePart(sheetReport({ thicknessMm: 2, blankMm: [120, 80], bendRadiiMm: [2, 6] }), bent, data),
    );
    const single = pricedOf(
      quotePart(sheetReport({ thicknessMm: 2, blankMm: [120, 80], bendRadiiMm: [2] }), bent, data),
    );
    expect(two.buyer.unitPriceCents).toBeGreaterThan(one.buyer.unitPriceCents);
    expect(one.buyer.unitPriceCents).toBeGreaterThan(single.buyer.unitPriceCents);
    expect(two.breakdown.some((line) => line.label.startsWith("Press brake: program and 2 tool sets"))).toBe(
      true,
    );
  });

  it("falls with quantity in its price breaks and grows with thickness and material price", () => {
    const quote = pricedOf(quotePart(bracket, bent, data));
    const units = quote.priceBreaks.map((entry) => entry.buyerUnitPriceCents);
    expect(units).toEqual([...units].sort((a, b) => b - a));
    expect(units[0]).toBeGreaterThan(units[units.length - 1]! * 3);
    const thick = sheetReport({ thicknessMm: 3, blankMm: [120, 80], bendRadiiMm: [3], holesMm: [6, 6] });
    expect(pricedOf(quotePart(thick, bent, data)).buyer.unitPriceCents).toBeGreaterThan(
      quote.buyer.unitPriceCents,
    );
    const stainless = pricedOf(quotePart(bracket, { ...bent, materialCode: "SS-1.4301" }, data));
    expect(stainless.buyer.unitPriceCents).toBeGreaterThan(quote.buyer.unitPriceCents);
    expect(quote.delivery.options.length).toBe(data.deliveryTiers.length);
  });

  it("adds finishes where they apply: zinc on steel, anodising on aluminium, not the other way", () => {
    const plain = pricedOf(quotePart(bracket, bent, data));
    const coated = pricedOf(quotePart(bracket, { ...bent, finishCode: "powder-coated" }, data));
    expect(coated.buyer.unitPriceCents).toBeGreaterThan(plain.buyer.unitPriceCents);
    expect(plain.finish.code).toBe("as-cut");
    expect(pricedOf(quotePart(bracket, { ...bent, finishCode: "zinc-plated" }, data)).finish.code).toBe(
      "zinc-plated",
    );
    const aluminium = { ...bent, materialCode: "AL-5754" };
    expect(pricedOf(quotePart(bracket, { ...aluminium, finishCode: "anodized-clear" }, data)).ok).toBe(true);
    const refused = quotePart(bracket, { ...aluminium, finishCode: "zinc-plated" }, data);
    expect(refused.ok ? "priced" : refused.error.code).toBe("invalid_option");
  });

  it("prices a flat part as laser cutting only, and a bent part as sheet metal only", () => {
    const laser = pricedOf(quotePart(plate, flat, data));
    expect(laser.breakdown.some((line) => line.label.startsWith("Bending"))).toBe(false);
    const bentOnLaser = quotePart(bracket, flat, data);
    expect(bentOnLaser.ok && bentOnLaser.needsManualQuote && bentOnLaser.cannotMake[0]).toMatch(
      /1 bend: laser cutting makes flat parts/,
    );
    const flatOnBrake = quotePart(plate, bent, data);
    expect(flatOnBrake.ok && flatOnBrake.needsManualQuote && flatOnBrake.cannotMake).toEqual([
      "The part is flat (no bends): it is priced as laser cutting.",
    ]);
  });

  it("sends parts that are not sheet metal away, and odd thicknesses and huge blanks to a person", () => {
    const block = syntheticReport({ sizeMm: [50, 40, 30], volumeMm3: 60000, areaMm2: 9400 });
    const notSheetReport: AnalysisReport & { sheetMetal: SheetMetalResult } = {
      ...block,
      sheetMetal: { ok: false, reason: "Not sheet metal: the walls are 3 to 12 mm thick" },
    };
    const notSheet = quotePart(notSheetReport, bent, data);
    expect(notSheet.ok && notSheet.needsManualQuote && notSheet.cannotMake).toEqual([
      "Not sheet metal: the walls are 3 to 12 mm thick",
    ]);
    const noBlock = quotePart(block, bent, data);
    expect(noBlock.ok && noBlock.needsManualQuote && noBlock.cannotMake.length).toBe(1);
    const thick = quotePart(
      sheetReport({ thicknessMm: 5, blankMm: [100, 80], bendRadiiMm: [5] }),
      bent,
      data,
    );
    expect(thick.ok && thick.needsManualQuote && thick.reasons).toEqual([
      "Steel DC01 (1.0330), cold rolled is stocked from 0.5 to 3 mm; the part is 5 mm thick.",
    ]);
    expect(thick.ok && thick.needsManualQuote && thick.cannotMake).toEqual([]);
    const huge = quotePart(
      sheetReport({ thicknessMm: 2, blankMm: [3200, 900], sizeMm: [2900, 900, 300], bendRadiiMm: [2] }),
      bent,
      data,
    );
    expect(huge.ok && huge.needsManualQuote && huge.reasons.join(" ")).toContain(
      "the largest sheet is 3000 × 1500 mm",
    );
  });

  it("lists sheet metal first and far cheaper than milling for a bent bracket (the issue's report)", () => {
    // The issue's bracket: 1.9 mm sheet quoted as milling from a 303 × 485 × 163 mm block at ~€1,900.
    const issueBracket = sheetReport({
      thicknessMm: 1.9,
      blankMm: [470, 420],
      bendRadiiMm: [2, 2, 2],
      holesMm: [8, 8, 8, 8],
      sizeMm: [303, 485, 163],
    });
    const comparison = compareProcesses(issueBracket, { quantity: 1, today }, data);
    const processes = comparison.priced.map((quote) => quote.process);
    expect(processes).toContain("sheet_metal");
    expect(processes).not.toContain("laser_cutting");
    const sheet = comparison.priced.find((quote) => quote.process === "sheet_metal")!;
    const milling = comparison.priced.find((quote) => quote.process === "cnc_milling");
    expect(processes[0]).toBe("sheet_metal");
    if (milling) expect(sheet.buyer.totalPriceCents * 5).toBeLessThan(milling.buyer.totalPriceCents);
  });
});
