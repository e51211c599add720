import { describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "../analysis/analyze-file";
import { binaryStl, boxesMesh } from "../printing/test-meshes";
import { defaultPricingData as data } from "./default-pricing-data";
import { quotePart } from "./quote-part";

function reportOf(boxes: Parameters<typeof boxesMesh>[0], name: string): AnalysisReport {
  const result = analyzeFile(binaryStl(boxesMesh(boxes)), name);
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}

function fdmMachineLine(report: AnalysisReport) {
  const quote = quotePart(
    report,
    { process: "fdm", materialCode: "FDM-PLA", quantity: 1, today: "2026-11-23", tolerance: "medium" },
    data,
  );
  if (!quote.ok || quote.needsManualQuote) throw new Error(JSON.stringify(quote));
  const line = quote.breakdown.find((entry) => entry.kind === "machine");
  if (!line) throw new Error("no machine line");
  return line;
}

// PrusaSlicer 2.5.0, built-in defaults plus --layer-height 0.2 --first-layer-height 0.2
// --fill-density 20% --support-material (docs/decisions/0035):
// 20 mm cube 19 min 37 s, 3.57 cm³; T (10 mm stem 20 mm tall, 50 × 10 × 5 mm top) on its side (10 mm
// tall) 16 min 22 s, 2.73 cm³.
describe("FDM prices from the print model", () => {
  it("charges a 20 mm cube's machine time within 20 % of PrusaSlicer's 19 min 37 s", () => {
    const line = fdmMachineLine(reportOf([[0, 0, 0, 20, 20, 20]], "cube.stl"));
    expect(line.minutesPerPart! / (19 + 37 / 60)).toBeGreaterThan(0.8);
    expect(line.minutesPerPart! / (19 + 37 / 60)).toBeLessThan(1.2);
    expect(line.label).toMatch(/^Printing 3\.\d+ cm³ in 100 layers \(3 perimeters, 20 % infill\), /);
  });

  it("prices a T as the orientation helper lays it, on its side without supports, within 20 % of PrusaSlicer", () => {
    const tee = reportOf(
      [
        [20, 0, 0, 30, 10, 20],
        [0, 0, 20, 50, 10, 25],
      ],
      "tee.stl",
    );
    const line = fdmMachineLine(tee);
    expect(line.label).toMatch(/in 50 layers \(3 perimeters, 20 % infill\), \+Y up$/);
    // PrusaSlicer, the T on its side: 16 min 22 s, 2.73 cm³ (as drawn, with supports: 43 min 30 s).
    expect(line.minutesPerPart! / (16 + 22 / 60)).toBeGreaterThan(0.8);
    expect(line.minutesPerPart! / (16 + 22 / 60)).toBeLessThan(1.2);
  });
});
