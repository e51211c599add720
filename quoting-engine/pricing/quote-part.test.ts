import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile, type AnalysisReport } from "../analysis/analyze-file";
import { compareProcesses } from "./compare-processes";
import { defaultPricingData as data } from "./default-pricing-data";
import { quotePart, type PricedQuote, type QuoteOptions, type QuoteResult } from "./quote-part";

const today = "2026-11-23"; // a Monday
let plate: AnalysisReport;
let shaft: AnalysisReport;
let cube: AnalysisReport;

function reportOf(name: string): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}
const milling: QuoteOptions = { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10, today };
const pricedOf = (result: QuoteResult): PricedQuote => {
  if (!result.ok || result.needsManualQuote) throw new Error(JSON.stringify(result));
  return result;
};

describe("quoting a part", () => {
  beforeAll(async () => {
    await initCadKernel();
    plate = reportOf("synth_plate_4thru_1blind.step");
    shaft = reportOf("synth_turned_stepped_shaft.step");
    cube = reportOf("synth_cube20.step");
  }, 60_000);

  it("prices the milled plate with a breakdown that adds up to the buyer's unit price", () => {
    const quote = pricedOf(quotePart(plate, milling, data));
    expect(quote.breakdown.map((line) => line.kind)).toEqual([
      "material",
      "machine",
      "machine",
      "machine",
      "machine",
      "setup",
      "inspection",
      ...(quote.breakdown.some((line) => line.kind === "delivery") ? ["delivery"] : []),
      "margin",
    ]);
    expect(quote.breakdown[0]!.label).toBe("Aluminium 6061-T6, block 110 × 70 × 15 mm");
    expect(quote.breakdown.find((line) => line.label.startsWith("Drilling"))!.label).toBe("Drilling 5 holes");
    expect(quote.breakdown.reduce((sum, line) => sum + line.centsPerPart, 0)).toBe(
      quote.buyer.unitPriceCents,
    );
    expect(Math.abs(quote.buyer.unitPriceCents - quote.supplier.unitPriceCents * 1.22)).toBeLessThanOrEqual(
      1,
    );
    expect(quote.marginPercent).toBe(22);
    expect(quote.validUntil).toBe("2026-12-23");
    expect(quote.priceBreaks.map((entry) => entry.quantity)).toEqual([1, 5, 10, 25, 50, 100, 250, 500, 1000]);
    expect(quote.priceBreaks[2]!.buyerUnitPriceCents).toBe(quote.buyer.unitPriceCents);
  });

  it("offers five delivery dates on working days, the standard at least 10 working days out", () => {
    const quote = pricedOf(quotePart(plate, milling, data));
    expect(quote.delivery.options.map((option) => option.tier)).toEqual([
      "express",
      "priority",
      "standard",
      "economy",
      "relaxed",
    ]);
    const standard = quote.delivery.options.find((option) => option.tier === "standard")!;
    expect(standard.workingDays).toBeGreaterThanOrEqual(10);
    expect(quote.delivery.date).toBe(standard.date);
    for (const option of quote.delivery.options)
      expect([0, 6]).not.toContain(new Date(option.date).getUTCDay());
    const prices = quote.delivery.options.map((option) => option.buyerUnitPriceCents);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);
  });

  it("charges the express factor for a date between express and priority, and less for a later date", () => {
    const quote = pricedOf(quotePart(plate, milling, data));
    const [express, priority] = quote.delivery.options;
    const atExpress = pricedOf(quotePart(plate, { ...milling, deliveryDate: express!.date }, data));
    expect(atExpress.delivery.tier).toBe("express");
    expect(atExpress.buyer.unitPriceCents).toBe(express!.buyerUnitPriceCents);
    expect(atExpress.breakdown.find((line) => line.kind === "delivery")!.label).toBe(
      "Express delivery (+50 %)",
    );
    const late = pricedOf(quotePart(plate, { ...milling, deliveryDate: "2027-03-01" }, data));
    expect(late.delivery.tier).toBe("relaxed");
    expect(late.buyer.unitPriceCents).toBeLessThan(quote.buyer.unitPriceCents);
    expect(priority!.buyerUnitPriceCents).toBeLessThan(express!.buyerUnitPriceCents);
  });

  it("refuses a date before the earliest one, naming it", () => {
    expect(quotePart(plate, { ...milling, deliveryDate: "2026-11-25" }, data)).toEqual({
      ok: false,
      error: {
        code: "delivery_too_early",
        message: expect.stringMatching(/earliest delivery date for 10 parts is 2026-\d\d-\d\d \(express\)/),
        earliestDate: expect.any(String),
      },
    });
  });

  it("refuses bad options with what to choose instead", () => {
    const bad = (options: Partial<QuoteOptions>) =>
      quotePart(plate, { ...milling, ...options } as QuoteOptions, data);
    expect(bad({ materialCode: "UNOBTAINIUM" })).toMatchObject({
      ok: false,
      error: { code: "invalid_option", message: expect.stringContaining("AL-6061-T6") },
    });
    expect(bad({ quantity: 0 })).toMatchObject({
      error: { message: expect.stringContaining("from 1 to 100000") },
    });
    expect(bad({ quantity: 2.5 })).toMatchObject({ ok: false });
    expect(bad({ deliveryDate: "2026-02-30" })).toMatchObject({ error: { code: "invalid_option" } });
    expect(bad({ finishCode: "anodized-clear", materialCode: "SS-316L" })).toMatchObject({
      error: { message: expect.stringContaining("as-machined") },
    });
    expect(bad({ process: "waterjet_cutting" as never })).toMatchObject({
      error: { code: "invalid_option" },
    });
  });

  it("adds the finish per area and per batch, and its days to the lead time", () => {
    const plain = pricedOf(quotePart(plate, milling, data));
    const anodised = pricedOf(quotePart(plate, { ...milling, finishCode: "anodized-clear" }, data));
    const line = anodised.breakdown.find((entry) => entry.kind === "finishing")!;
    // 159 cm² × 3 ct + €80 per batch / 10 parts.
    expect(line.centsPerPart).toBe(Math.round((plate.areaMm2 / 100) * 3 + 8000 / 10));
    expect(anodised.delivery.options[2]!.workingDays).toBe(plain.delivery.options[2]!.workingDays + 3);
  });

  it("sends a part to a person when a hard rule fails, the tolerance is tighter than ISO 2768-f, or the material is not offered", () => {
    expect(quotePart(cube, { ...milling, process: "cnc_turning" }, data)).toMatchObject({
      ok: true,
      needsManualQuote: true,
      reasons: [expect.stringContaining("not a solid of revolution")],
    });
    expect(quotePart(plate, { ...milling, tolerance: "tighter" }, data)).toMatchObject({
      needsManualQuote: true,
      reasons: [expect.stringContaining("tighter than ISO 2768-f")],
    });
    expect(quotePart(plate, { ...milling, materialCode: "FDM-PLA" }, data)).toMatchObject({
      needsManualQuote: true,
      reasons: [expect.stringContaining("PLA filament is not offered for CNC milling")],
    });
  });

  it("sends a screw with a modelled thread to a person for machining, and prints it at once", () => {
    const screw = reportOf("build123d_m6x12_countersunk_screw.step");
    for (const process of ["cnc_turning", "cnc_milling"] as const)
      expect(quotePart(screw, { ...milling, process }, data)).toMatchObject({
        ok: true,
        needsManualQuote: true,
        cannotMake: [],
        reasons: [expect.stringMatching(/^The part has a modelled thread, ⌀6 mm outside/)],
      });
    pricedOf(quotePart(screw, { ...milling, process: "fdm", materialCode: "FDM-PLA" }, data));
  });

  it("checks the part against the largest machine in the pricing data, once", () => {
    const smallShop = {
      ...data,
      processes: {
        ...data.processes,
        cnc_milling: { ...data.processes.cnc_milling, envelopeMm: [80, 80, 80] as [number, number, number] },
      },
    };
    expect(quotePart(plate, milling, smallShop)).toMatchObject({
      needsManualQuote: true,
      reasons: [
        "The part measures 100 × 60.0 × 10.0 mm; the largest CNC milling machine takes 80.0 × 80.0 × 80.0 mm.",
      ],
    });
    expect(quotePart(plate, milling, data)).toMatchObject({ needsManualQuote: false });
  });

  it("carries the process's manufacturability warnings, and turns from bar", () => {
    const milled = pricedOf(quotePart(shaft, milling, data));
    expect(milled.warnings).toEqual([expect.stringContaining("hole is 90")]);
    const turned = pricedOf(quotePart(shaft, { ...milling, process: "cnc_turning" }, data));
    expect(turned.warnings).toEqual([]);
    expect(turned.breakdown[0]!.label).toBe("Aluminium 6061-T6, bar ⌀35 × 100 mm");
  });

  it("compares every process, cheapest first, turning first for the turned shaft among the machining ones", () => {
    const comparison = compareProcesses(shaft, { quantity: 10, today }, data);
    const totals = comparison.priced.map((quote) => quote.buyer.totalPriceCents);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(comparison.priced.map((quote) => quote.process)).toHaveLength(7);
    const machining = comparison.priced.filter((quote) => quote.process.startsWith("cnc"));
    expect(machining[0]!.process).toBe("cnc_turning");
    // Each process in its cheapest material, whatever order the materials are stored in.
    const reversed = compareProcesses(
      shaft,
      { quantity: 10, today },
      { ...data, materials: [...data.materials].reverse() },
    );
    expect(reversed).toEqual(comparison);

    for (const material of data.materials.filter((candidate) =>
      candidate.processes.includes("cnc_milling"),
    )) {
      const quote = pricedOf(
        quotePart(shaft, { ...milling, quantity: 10, materialCode: material.code }, data),
      );
      expect(quote.buyer.totalPriceCents).toBeGreaterThanOrEqual(
        comparison.priced.find((entry) => entry.process === "cnc_milling")!.buyer.totalPriceCents,
      );
    }
    const cubes = compareProcesses(cube, { quantity: 10, today }, data);
    expect(cubes.manual.map((quote) => quote.process)).toEqual(["cnc_turning"]);
  });
});
