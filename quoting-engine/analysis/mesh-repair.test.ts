import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "./analyze-file";
import { dropBadTriangles } from "./drop-bad-triangles";

// Constructed by tests/fixtures/cad/construct-broken-meshes.ts; admesh's answers on the same files are in
// tests/fixtures/cad/REPAIRS.md.
function analyze(name: string, folder = "tests/fixtures/cad"): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`${folder}/${name}`)), name);
  if ("error" in result) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}
const notice = (report: AnalysisReport, code: string) => report.notices.find((entry) => entry.code === code);

describe("dropBadTriangles", () => {
  it("drops collapsed triangles, keeps one of each repeated triangle and drops opposite pairs", () => {
    const result = dropBadTriangles(
      Uint32Array.from([
        0,
        1,
        2, // kept
        1,
        2,
        0, // the same triangle, rotated: a duplicate
        3,
        3,
        4, // collapsed
        5,
        6,
        7, // with its reverse below: both go
        7,
        6,
        5,
        8,
        9,
        10, // kept
      ]),
    );
    expect(result.dropped).toEqual({ degenerate: 1, duplicate: 1, opposingPairs: 1 });
    expect([...result.indices]).toEqual([0, 1, 2, 8, 9, 10]);
    expect([...result.keptTriangles]).toEqual([0, 5]);
  });

  it("hands a clean mesh back as it is", () => {
    const indices = Uint32Array.from([0, 1, 2, 0, 2, 3]);
    expect(dropBadTriangles(indices).indices).toBe(indices);
  });
});

describe("repairing real defects in a mesh", () => {
  it("a cube written twice over is one 1000 mm³ part, its 12 extra triangles removed", () => {
    const report = analyze("broken_cube10_duplicated_triangles.stl");
    expect(report.volumeMm3).toBeCloseTo(1000, 3);
    expect(report.areaMm2).toBeCloseTo(600, 3);
    expect(report.shells?.parts).toBe(1);
    expect(report.repairs?.duplicateTriangles).toBe(12);
    expect(notice(report, "mesh_repaired")?.message).toBe("Repaired: 12 duplicate triangles removed.");
    expect(notice(report, "non_manifold_edges")).toBeUndefined();
  });

  it("two stacked cubes exported with their shared face are one 10 × 10 × 20 block", () => {
    const report = analyze("broken_two_cubes_glued_face.stl");
    expect(report.shells?.parts).toBe(1);
    expect(report.volumeMm3).toBeCloseTo(2000, 3);
    expect(report.areaMm2).toBeCloseTo(1000, 3); // the inner double wall is not surface
    expect(report.repairs?.opposingTrianglePairs).toBe(2);
    expect(notice(report, "mesh_repaired")?.message).toContain(
      "2 pairs of coincident opposite-facing triangles (walls of no thickness) removed",
    );
  });

  it("removes triangles collapsed to a line or point and says how many", () => {
    const report = analyze("broken_cube10_collapsed_triangles.stl");
    expect(report.volumeMm3).toBeCloseTo(1000, 3);
    expect(report.repairs?.degenerateTriangles).toBe(4);
    expect(report.bodies[0]?.triangleCount).toBe(12);
    expect(notice(report, "mesh_repaired")?.message).toBe(
      "Repaired: 4 triangles collapsed to a line or point removed.",
    );
  });

  it("says in one notice that a hole was closed and the triangles turned outwards", () => {
    const report = analyze("broken_cube20_inside_out_open_one_turned.stl");
    expect(report.volumeMm3).toBeCloseTo(8000, 2);
    expect(report.repairs).toMatchObject({ holesClosed: 1, bodiesTurnedOutwards: 1 });
    // 11 triangles of the file: 10 faced inwards, 1 already outwards; the patch is new.
    expect(report.repairs?.trianglesTurned).toBe(10);
    expect(report.notices.filter((entry) => entry.code === "mesh_repaired")).toHaveLength(1);
    expect(notice(report, "mesh_repaired")).toMatchObject({
      severity: "warning",
      message: expect.stringMatching(
        /^Repaired: 1 hole closed \(200 mm²\), 10 triangles turned outwards\. We closed the hole/,
      ),
    });
  });

  it("closes holes that touch at a corner (assimp's sphereWithHole: 3 missing facets, two meeting at the pole)", () => {
    // Before, a boundary that passes a corner twice was left open and the file refused as open surfaces.
    const report = analyze("assimp_sphere_with_hole.stl");
    expect(report.repairs).toMatchObject({ holesClosed: 3 });
    expect(report.shells).toMatchObject({ parts: 1, openSurfaces: 0 });
    // admesh 0.98 fills the same holes: 13.5778 mm³.
    expect(report.volumeMm3).toBeCloseTo(13.578, 2);
    expect(notice(report, "mesh_repaired")?.message).toMatch(/^Repaired: 3 holes closed/);
  });

  it("a real printed part (Prusa MK3 X carriage): 3 slits drawn as inward shells are voids, a flat sliver goes", () => {
    const report = analyze("prusa-mk3-x-carriage.stl", "bench/printing-meshes");
    // admesh 0.98 measures 33663.68 mm³ on the same file (it counts the slits as negative volume).
    expect(report.volumeMm3).toBeCloseTo(33663.8, 0);
    expect(report.shells).toEqual({ parts: 1, identicalParts: false, voids: 3, openSurfaces: 0 });
    expect(report.repairs).toMatchObject({ flatShells: 1, trianglesTurned: 0, bodiesTurnedOutwards: 0 });
    expect(notice(report, "mesh_repaired")?.message).toBe(
      "Repaired: 1 flat shell enclosing no volume removed.",
    );
    expect(notice(report, "multiple_bodies")).toBeUndefined();
  });

  it("3DBenchy's 3MF: 8 triangles collapsed to a line are removed, one closed part", () => {
    const report = analyze("3dbenchy.3mf", "tests/fixtures/meshes");
    expect(report.repairs).toMatchObject({ degenerateTriangles: 8, duplicateTriangles: 0, holesClosed: 0 });
    expect(report.shells).toMatchObject({ parts: 1, voids: 0 });
    expect(notice(report, "mesh_repaired")?.message).toBe(
      "Repaired: 8 triangles collapsed to a line or point removed.",
    );
  }, 60_000);

  it("says nothing about repairs on a clean mesh", () => {
    const report = analyze("occt_cube10x10_binary.stl");
    expect(notice(report, "mesh_repaired")).toBeUndefined();
    expect(report.repairs).toMatchObject({ duplicateTriangles: 0, holesClosed: 0, trianglesTurned: 0 });
  });
});

describe("shells as parts", () => {
  it("three identical cubes are a quantity of one part, and the notice says so", () => {
    const report = analyze("shells_three_identical_cubes.stl");
    expect(report.shells).toEqual({ parts: 3, identicalParts: true, voids: 0, openSurfaces: 0 });
    expect(notice(report, "identical_bodies")?.message).toContain(
      "The file holds 3 identical parts (each 10.0 × 10.0 × 10.0 mm, 1000 mm³)",
    );
    expect(notice(report, "multiple_bodies")).toBeUndefined();
  });

  it("a cube and a bar are 2 separate parts, priced as 2 parts made together", () => {
    const report = analyze("shells_cube_and_bar.stl");
    expect(report.shells).toMatchObject({ parts: 2, identicalParts: false });
    expect(notice(report, "multiple_bodies")?.message).toContain(
      "The file holds 2 separate bodies, priced as 2 parts made together",
    );
  });

  it("the hundred cubes of a real OBJ file are one part a hundred times", () => {
    const report = analyze("o3dv_hundred_cubes.obj");
    expect(report.shells).toMatchObject({ parts: 100, identicalParts: true });
    expect(notice(report, "identical_bodies")?.message).toContain("100 identical parts");
  });
});
