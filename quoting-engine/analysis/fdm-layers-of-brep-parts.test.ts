// Decision 0081: a STEP part's FDM layer profile is measured on its tessellation with the B-rep faces'
// boundaries welded, so a contour that crosses several faces is one loop (it was a loop per face).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile, type AnalysisReport } from "./analyze-file";
import type { FdmLayerProfile } from "../printing/measure-fdm-layers";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";

function reportOf(name: string): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}

function fdmLayersOf(report: AnalysisReport): FdmLayerProfile {
  expect(report.features.buildOrientations?.fdm.label).toBe("+Z up (as drawn)");
  return report.features.fdmLayers!;
}

describe("the FDM layers of a B-rep part join its contours across face boundaries", () => {
  beforeAll(() => initCadKernel(), 60_000);

  // The plate is 100 × 60 × 10 mm with four d6.6 through holes and a d8 blind hole 6 mm deep from the
  // top: every layer is one island, its outline (four side faces) one loop with four corners; below
  // z = 4 mm the four through holes are the other loops, above it the blind hole too.
  it("counts the 100 × 60 mm plate as one island with 5 loops below the blind hole and 6 beside it", () => {
    const profile = fdmLayersOf(reportOf("synth_plate_4thru_1blind.step"));
    expect(profile.loopCount).toHaveLength(50);
    profile.loopCount.forEach((loops, layer) => {
      const zMm = (layer + 0.5) * profile.layerHeightMm;
      expect(profile.islandCount[layer]).toBe(1);
      expect(loops).toBe(zMm < 4 ? 5 : 6);
      expect(profile.cornerCount[layer]).toBe(4);
      // Only the holes are small loops (the outline is 320 mm long): 4 × π × 6.6 and π × 8, as polygons.
      const holesMm = 4 * Math.PI * 6.6 + (zMm < 4 ? 0 : Math.PI * 8);
      expect(profile.smallLoopMm[layer]).toBeGreaterThan(holesMm * 0.99);
      expect(profile.smallLoopMm[layer]).toBeLessThanOrEqual(holesMm);
      expect(profile.perimeterMm[layer]! - profile.smallLoopMm[layer]!).toBeCloseTo(320, 6);
    });
  });

  it("gives the STEP plate the loops, islands and corners of the same plate read from an STL", () => {
    const fromStep = fdmLayersOf(reportOf("synth_plate_4thru_1blind.step"));
    const fromStl = fdmLayersOf(reportOf("synth_plate_4thru_1blind_binary.stl"));
    expect(fromStep.loopCount).toEqual(fromStl.loopCount);
    expect(fromStep.islandCount).toEqual(fromStl.islandCount);
    expect(fromStep.cornerCount).toEqual(fromStl.cornerCount);
  });

  // PrusaSlicer 2.5.0 with the flags prints a 20 mm cube in 19 min 37 s (fdm-print-price.test.ts).
  // Its four 20 mm sides were four small loops (under 2π × 6.5 mm) per layer, printed slowly: 37 min.
  it("prices the 20 mm STEP cube's printing within 20 % of PrusaSlicer's 19 min 37 s", () => {
    const report = reportOf("synth_cube20.step");
    const profile = fdmLayersOf(report);
    expect(profile.islandCount.every((islands) => islands === 1)).toBe(true);
    expect(profile.loopCount.every((loops) => loops === 1)).toBe(true);
    expect(profile.smallLoopMm.every((length) => length === 0)).toBe(true);
    const quote = quotePart(
      report,
      { process: "fdm", materialCode: "FDM-PLA", quantity: 1, today: "2026-12-07", tolerance: "medium" },
      defaultPricingData,
    );
    if (!quote.ok || quote.needsManualQuote) throw new Error(JSON.stringify(quote));
    const minutes = quote.breakdown.find((line) => line.kind === "machine")!.minutesPerPart!;
    expect(minutes / (19 + 37 / 60)).toBeGreaterThan(0.8);
    expect(minutes / (19 + 37 / 60)).toBeLessThan(1.2);
  });
});
