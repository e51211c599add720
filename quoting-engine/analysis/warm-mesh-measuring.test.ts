import { describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file";
import { warmMeshMeasuring, warmUpMesh } from "./warm-mesh-measuring";

describe("warmMeshMeasuring", () => {
  it("measures a closed torus that needs no repair, so the warm-up runs the path of clean meshes", () => {
    const analysis = analyzeFile(warmUpMesh(), "warm-up.stl", { recognizeFeatures: false });
    if (!("report" in analysis)) throw new Error(analysis.error.message);
    const { report } = analysis;
    expect(report.file.format).toBe("stl");
    expect(report.bodies).toHaveLength(1);
    expect(report.bodies[0]!.closed).toBe(true);
    expect(report.bodies[0]!.triangleCount).toBe(960);
    expect(Object.values(report.repairs ?? {}).every((count) => count === 0)).toBe(true);
    // A faceted torus holds a little less than the smooth one, 2π²Rr² = 59,218 mm³.
    expect(report.volumeMm3).toBeGreaterThan(0.95 * 2 * Math.PI ** 2 * 30 * 100);
    expect(report.volumeMm3).toBeLessThan(2 * Math.PI ** 2 * 30 * 100);
    expect(() => warmMeshMeasuring()).not.toThrow();
  });
});
