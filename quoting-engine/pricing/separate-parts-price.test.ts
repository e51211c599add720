import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisReport } from "../analysis/analyze-file";
import { analyzeFile } from "../analysis/analyze-file";
import { initCadKernel } from "../io/cad-kernel";
import { compareProcesses } from "./compare-processes";
import { defaultPricingData } from "./default-pricing-data";
import { quotePart, type PricedQuote } from "./quote-part";

// trimesh's box_sides.STEP (tests/fixtures/cad/SOURCES.md): the ten flat 3 mm panels of a box, about
// 184 × 114 × 95 mm overall, in one file. A shop quotes ten laser-cut plates, not one milled block.
let report: AnalysisReport;

beforeAll(async () => {
  await initCadKernel();
  const result = analyzeFile(
    new Uint8Array(readFileSync("tests/fixtures/cad/trimesh_box_sides.step")),
    "box_sides.step",
  );
  if (!("report" in result)) throw new Error(result.error.message);
  report = result.report;
}, 60_000);

const today = "2027-01-11";

function priced(part: AnalysisReport, process: PricedQuote["process"], materialCode: string): PricedQuote {
  const quote = quotePart(part, { process, materialCode, quantity: 1, today }, defaultPricingData);
  if (!quote.ok || quote.needsManualQuote)
    throw new Error(JSON.stringify(quote.ok ? quote.reasons : quote.error));
  return quote;
}

/** One separate part of the file as if uploaded alone: its own body, box, volume, area and blank. */
function alone(part: NonNullable<AnalysisReport["separateParts"]>[number]): AnalysisReport {
  const body = report.bodies[part.body]!;
  const { separateParts: _, ...rest } = report;
  return {
    ...rest,
    bodies: [body],
    bbox: body.bbox,
    volumeMm3: body.volumeMm3,
    areaMm2: body.areaMm2,
    sheetMetal: part.sheetMetal!,
    features: { ...report.features, setups: Array.from({ length: part.setups }, () => [0, 0, 1]) },
  };
}

const minutesOf = (quote: PricedQuote, kind: string, starts: string) =>
  quote.breakdown
    .filter((line) => line.kind === kind && line.label.startsWith(starts))
    .reduce((sum, line) => sum + (line.minutesPerPart ?? 0), 0);

describe("a file of ten separate flat panels (trimesh box_sides)", () => {
  it("describes each panel as its own 3 mm flat sheet part and says the file is priced as ten parts", () => {
    expect(report.separateParts).toHaveLength(10);
    for (const part of report.separateParts!) {
      expect(part.sheetMetal?.thicknessMm).toBeCloseTo(2.997, 2);
      expect(part.sheetMetal?.bends).toEqual([]);
      expect(part.setups).toBeGreaterThanOrEqual(1);
    }
    const notice = report.notices.find((candidate) => candidate.code === "multiple_bodies");
    expect(notice?.message).toContain("10 separate bodies, priced as 10 parts made together");
  });

  it("offers laser cutting first, priced from each panel's own blank", () => {
    const comparison = compareProcesses(report, { quantity: 1, today }, defaultPricingData);
    expect(comparison.priced[0]?.process).toBe("laser_cutting");
    const set = comparison.priced[0]!;
    const panels = report.separateParts!.map((part) =>
      priced(alone(part), "laser_cutting", set.material.code),
    );
    // Laser minutes and deburring are each panel's own, added up.
    for (const [kind, starts] of [
      ["machine", "Laser cutting"],
      ["labour", "Deburring"],
    ] as const)
      expect(minutesOf(set, kind, starts)).toBeCloseTo(
        panels.reduce((sum, panel) => sum + minutesOf(panel, kind, starts), 0),
        1,
      );
    expect(set.breakdown.find((line) => line.kind === "material")?.label).toContain("10 blanks");
  });

  it("mills each panel from its own block with the setups it needs alone, not one block around the box", () => {
    const milled = priced(report, "cnc_milling", "POM-C");
    const material = milled.breakdown.find((line) => line.kind === "material")!;
    expect(material.label).toContain("10 blocks");
    const setups = report.separateParts!.reduce((sum, part) => sum + part.setups, 0);
    expect(
      milled.breakdown.some((line) => line.label.startsWith(`${setups} setups and programming of 10 parts`)),
    ).toBe(true);
    // Ten 3 mm panels' blocks hold far less stock to rough away than the 200 × 120 × 100 mm block around the box.
    const roughing = milled.breakdown.find((line) => line.label.startsWith("Roughing"))!;
    expect(Number(/Roughing ([\d.]+) cm³/.exec(roughing.label)?.[1])).toBeLessThan(1000);
  });
});
