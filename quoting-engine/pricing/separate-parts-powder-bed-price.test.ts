import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisReport } from "../analysis/analyze-file";
import { analyzeFile } from "../analysis/analyze-file";
import { initCadKernel } from "../io/cad-kernel";
import { defaultPricingData } from "./default-pricing-data";
import { quotePart, type PricedQuote } from "./quote-part";

// trimesh's pyramids.3mf (tests/fixtures/cad/SOURCES.md): nine build items, six pyramids and three
// "composed parts" (a pyramid and a 4 mm cube as components), laid out over 347 × 163 × 25 mm: twelve
// parts of 195 cm³ in all. A powder bed nests each part on its own, not the box around the file with
// its gaps (decision 0125): before, SLS tilted the whole layout as one and charged 12,305 cm³ of powder
// and 2,924 nested layers (€1,580.82).
let report: AnalysisReport;

beforeAll(async () => {
  await initCadKernel();
  const result = analyzeFile(
    new Uint8Array(readFileSync("tests/fixtures/cad/trimesh_pyramids.3mf")),
    "pyramids.3mf",
  );
  if (!("report" in result)) throw new Error(result.error.message);
  report = result.report;
}, 60_000);

function built(process: "sls" | "mjf"): PricedQuote {
  const materialCode = process === "sls" ? "SLS-PA12" : "MJF-PA12";
  const quote = quotePart(
    report,
    { process, materialCode, quantity: 1, today: "2027-01-11" },
    defaultPricingData,
  );
  if (!quote.ok || quote.needsManualQuote) throw new Error(JSON.stringify(quote));
  return quote;
}

describe("a 3MF of twelve separate parts in a powder bed (trimesh pyramids.3mf)", () => {
  it("reads twelve parts", () => {
    expect(report.separateParts).toHaveLength(12);
  });

  for (const process of ["sls", "mjf"] as const)
    it(`${process}: takes the bed height of the parts' own boxes, not of the file's box`, () => {
      const boxesMm3 = report.separateParts!.reduce((sum, part) => {
        const box = report.bodies[part.body]!.bbox;
        return sum + box.max.reduce((volume, value, axis) => volume * (value - box.min[axis]!), 1);
      }, 0);
      const fileBox = report.bbox.max.reduce(
        (volume, value, axis) => volume * (value - report.bbox.min[axis]!),
        1,
      );
      expect(boxesMm3).toBeLessThan(fileBox / 2);
      const parameters = defaultPricingData.processes[process].parameters;
      const [x, y] = parameters.buildVolumeMm!;
      const layers = boxesMm3 / (x! * y! * parameters.packingDensity!) / parameters.layerHeightMm!;
      const machine = built(process).breakdown.find((line) => line.kind === "machine")!;
      expect(machine.label).toContain("12 parts nested one by one, as drawn");
      expect(Number(/and ([\d,]+) nested layers/.exec(machine.label)?.[1]?.replace(",", ""))).toBe(
        Math.round(layers),
      );
    });
});
