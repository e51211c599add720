import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisReport } from "../analysis/analyze-file";
import { analyzeFile } from "../analysis/analyze-file";
import { initCadKernel } from "../io/cad-kernel";
import { defaultPricingData } from "./default-pricing-data";
import { quotePart, type PricedQuote } from "./quote-part";

// PrusaSlicer's tests/data/two_hollow_squares.obj (tests/fixtures/cad/SOURCES.md): two identical
// drafted square rings, 10.7 × 10.7 × 2.8 mm, side by side in one file. Milled, they are one program
// run twice, not two jobs: the file at quantity 1 costs what one ring costs at quantity 2 (decision 0125).
let file: AnalysisReport;
let oneRing: AnalysisReport;

function reportOf(text: string, name: string): AnalysisReport {
  const result = analyzeFile(new TextEncoder().encode(text), name);
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}

beforeAll(async () => {
  await initCadKernel();
  const text = readFileSync("tests/fixtures/cad/prusaslicer_two_hollow_squares.obj", "utf8");
  file = reportOf(text, "two_hollow_squares.obj");
  // The first ring alone: its 24 vertices and the faces that use only them.
  const lines = text.split("\n");
  const vertices = lines.filter((line) => line.startsWith("v ")).slice(0, 24);
  const faces = lines.filter(
    (line) =>
      line.startsWith("f ") &&
      line
        .split(/\s+/)
        .slice(1)
        .every((index) => Number(index) <= 24),
  );
  oneRing = reportOf([...vertices, ...faces].join("\n"), "one_hollow_square.obj");
}, 60_000);

function milled(report: AnalysisReport, quantity: number): PricedQuote {
  const quote = quotePart(
    report,
    { process: "cnc_milling", materialCode: "POM-C", quantity, today: "2027-01-11" },
    defaultPricingData,
  );
  if (!quote.ok || quote.needsManualQuote) throw new Error(JSON.stringify(quote));
  return quote;
}

const setupLine = (quote: PricedQuote) => quote.breakdown.find((line) => line.kind === "setup")!;

describe("a file of two identical parts, milled (PrusaSlicer two_hollow_squares.obj)", () => {
  it("reads two identical parts", () => {
    expect(file.shells?.identicalParts).toBe(true);
    expect(file.separateParts).toHaveLength(2);
    expect(oneRing.separateParts).toBeUndefined();
  });

  it("sets up and programs the part once for both copies, and loads each copy", () => {
    const both = milled(file, 1);
    const ring = milled(oneRing, 1);
    expect(setupLine(both).centsPerPart).toBe(setupLine(ring).centsPerPart);
    expect(setupLine(both).label).toContain("programming of one part, run for its 2 identical copies");
    const loading = (quote: PricedQuote) =>
      quote.breakdown.find((line) => line.label.startsWith("Loading and unloading"))!.centsPerPart;
    expect(loading(both)).toBe(2 * loading(ring));
  });

  it("costs within 2 % of one part ordered twice", () => {
    const both = milled(file, 1).buyer.totalPriceCents;
    const twice = milled(oneRing, 2).buyer.totalPriceCents;
    expect(Math.abs(both - twice) / twice).toBeLessThan(0.02);
  });
});
