import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file";

// trimesh's featuretype.3MF (tests/fixtures/cad/SOURCES.md), drawn in inches: a block 5 × 2.5 × 1 in
// with a boss 0.375 in tall on top. The boss's foot runs corner to corner where the block's top splits
// the same lines (T-junctions), so 18 edges along the seam were open: the boss read as an open surface
// and was left out (174,314 mm³, 25.4 mm tall). The same part's STEP reads 190,532 mm³ and 34.9 mm
// (FreeCAD 190,532.00); admesh closes this mesh at 190,681 mm³ (decision 0125).
describe("a 3MF whose boss meets the block at T-junctions (trimesh featuretype.3MF)", () => {
  const result = analyzeFile(
    new Uint8Array(readFileSync("tests/fixtures/cad/trimesh_featuretype_inches.3mf")),
    "featuretype.3MF",
  );
  if (!("report" in result)) throw new Error(result.error.message);
  const report = result.report;

  it("joins the seam and measures one closed part with its boss", () => {
    expect(report.bodies).toHaveLength(1);
    expect(report.bodies[0]!.closed).toBe(true);
    expect(report.volumeMm3).toBeCloseTo(190_680, -1);
    expect(Math.abs(report.volumeMm3 - 190_532) / 190_532).toBeLessThan(0.002);
    expect(report.bbox.max[2]! - report.bbox.min[2]!).toBeCloseTo(34.925, 3);
  });

  it("says what it joined and closes no hole", () => {
    expect(report.repairs?.tJunctionEdgesSplit).toBeGreaterThan(0);
    expect(report.repairs?.holesClosed).toBe(0);
    const messages = report.notices.map((notice) => notice.message).join("\n");
    expect(messages).toContain("seam edges joined where the other side's corners lay along it");
    expect(messages).not.toContain("open surface");
  });
});
