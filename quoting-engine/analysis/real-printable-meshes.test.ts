import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";
import { analyzeFile } from "./analyze-file";

/**
 * The real printable models of issue 20 (tests/fixtures/meshes/SOURCES.tsv): each was refused an
 * instant FDM price because its "thinnest wall" read 0 to 0.61 mm on thread crests, sharp edges and
 * tiny facets. Each must now get an FDM price (warnings allowed).
 */
const models = [
  "3dbenchy.3mf",
  "prusaslicer-m3x10-screw.stl",
  "prusa-mk3-extruder-idler.stl",
  "prusaslicer-frog-legs.stl",
];

describe("real printable models", () => {
  it.each(models)(
    "%s gets an instant FDM price; its wall findings are warnings with marked regions",
    (name) => {
      const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/meshes/${name}`)), name);
      if (!("report" in result)) throw new Error(result.error.message);
      const { report, displayMesh } = result;
      for (const finding of report.dfm.filter(
        (f) => f.code === "wall_too_thin" && f.process !== "cnc_milling",
      )) {
        expect(finding.severity).toBe("warning");
        expect(finding.faces.length).toBeGreaterThan(0);
        expect(Array.from(displayMesh.wallThicknessMm!).some((value) => value < finding.allowed)).toBe(true);
      }
      const material = defaultPricingData.materials.find((candidate) => candidate.processes.includes("fdm"))!;
      const finish = defaultPricingData.finishes.find((candidate) => candidate.processes.includes("fdm"))!;
      const quote = quotePart(
        report,
        {
          process: "fdm",
          materialCode: material.code,
          finishCode: finish.code,
          tolerance: "medium",
          quantity: 1,
          today: "2026-12-07",
        },
        defaultPricingData,
      );
      expect(quote).toMatchObject({ ok: true, needsManualQuote: false });
      // Thread crests, sharp edges and facets no longer read as 0 mm walls (the old 0, 0.14, 0.61 mm).
      expect(report.features.minWallMm).toBeGreaterThan(0.25);
    },
    60_000,
  );
});
