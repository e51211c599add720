import { describe, expect, it } from "vitest";
import { analyzeFile } from "../../quoting-engine/analysis/analyze-file";
import { constructedMeshes } from "./construct-meshes";

// Volumes by hand: the cup is 40 × 40 × 30 less its 36 × 36 × 28 cavity; the T is its stem and bar; the
// round ones are 96-gons (area ½ n r² sin(2π/n)).
const polygonArea = (radius: number) => 0.5 * 96 * radius * radius * Math.sin((2 * Math.PI) / 96);
const expectedMm3: Record<string, number> = {
  "constructed-cube-20.stl": 8000,
  "constructed-plate-100x100x2.stl": 20000,
  "constructed-tower-10x10x150.stl": 15000,
  "constructed-cup-40x40x30-wall2.stl": 48000 - 36 * 36 * 28,
  "constructed-block-200x150x60.stl": 1_800_000,
  "constructed-tee-overhang.stl": 10 * 40 * 40 + 60 * 10 * 40,
  "constructed-tube-d30-wall3-h40.stl": (polygonArea(15) - polygonArea(12)) * 40,
  "constructed-cylinder-d20-h30.stl": polygonArea(10) * 30,
  "constructed-cube-5.stl": 125,
};

describe("constructedMeshes", () => {
  it.each(constructedMeshes().map((mesh) => [mesh.fileName, mesh] as const))(
    "%s is one closed, outward-facing solid of the intended volume",
    (fileName, mesh) => {
      const result = analyzeFile(mesh.bytes, fileName, { recognizeFeatures: false });
      if (!("report" in result)) throw new Error(result.error.message);
      const { report } = result;
      expect(report.bodies).toHaveLength(1);
      expect(report.bodies[0]!.closed).toBe(true);
      expect(report.notices.map((notice) => notice.code)).not.toContain("inverted_normals");
      expect(report.volumeMm3).toBeCloseTo(expectedMm3[fileName]!, 1);
      expect(report.bbox.min[2]).toBe(0);
    },
  );
});
