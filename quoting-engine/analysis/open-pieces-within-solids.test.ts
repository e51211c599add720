import { describe, expect, it } from "vitest";
import { analyzeModel } from "./analyze-model";
import type { CadModel } from "../io/cad-model";

// Decision 0124: open pieces with material beside them are leftovers of touching bodies; free-standing
// open surfaces are not.

/** A 10 mm cube at the origin (outward triangles) and one square sheet of two triangles. */
function cubeAndSheet(sheet: [number, number, number][]): CadModel {
  const cube: [number, number, number][] = [
    [0, 0, 0],
    [10, 0, 0],
    [10, 10, 0],
    [0, 10, 0],
    [0, 0, 10],
    [10, 0, 10],
    [10, 10, 10],
    [0, 10, 10],
  ];
  // prettier-ignore
  const cubeTriangles = [
    [0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4],
    [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7],
  ];
  const positions = new Float64Array([...cube, ...sheet].flat());
  const indices = new Uint32Array([...cubeTriangles.flat(), 8, 9, 10, 8, 10, 11]);
  return { format: "stl", sourceUnit: "unknown", scaleToMm: 1, parts: [{ positions, indices }], faces: [], notices: [] };
}

function analyze(sheet: [number, number, number][]) {
  const result = analyzeModel(cubeAndSheet(sheet));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe("open pieces lying on or in a solid", () => {
  it("removes a sheet inside the cube (material on both sides)", () => {
    const report = analyze([
      [2, 2, 5],
      [8, 2, 5],
      [8, 8, 5],
      [2, 8, 5],
    ]);
    expect(report.repairs.openPiecesWithinSolids).toBe(1);
    expect(report.shells.openSurfaces).toBe(0);
    expect(report.notices.find((notice) => notice.code === "open_mesh")).toBeUndefined();
    expect(report.volumeMm3).toBeCloseTo(1000, 6);
  });

  it("removes a sheet lying on the cube's top face (material on one side)", () => {
    const report = analyze([
      [2, 2, 10],
      [8, 2, 10],
      [8, 8, 10],
      [2, 8, 10],
    ]);
    expect(report.repairs.openPiecesWithinSolids).toBe(1);
    expect(report.shells.openSurfaces).toBe(0);
  });

  it("keeps a sheet standing apart from the cube (air on both sides) as an open surface", () => {
    const report = analyze([
      [20, 2, 5],
      [28, 2, 5],
      [28, 8, 5],
      [20, 8, 5],
    ]);
    expect(report.repairs.openPiecesWithinSolids).toBe(0);
    expect(report.shells.openSurfaces).toBe(1);
    expect(report.notices.find((notice) => notice.code === "open_mesh")?.severity).toBe("error");
  });

  it("keeps a sheet that only partly lies in the cube", () => {
    const report = analyze([
      [5, 2, 5],
      [15, 2, 5],
      [15, 8, 5],
      [5, 8, 5],
    ]);
    expect(report.repairs.openPiecesWithinSolids).toBe(0);
    expect(report.shells.openSurfaces).toBe(1);
  });
});
