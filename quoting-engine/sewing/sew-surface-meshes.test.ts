import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "../analysis/analyze-file";
import { loadIgesKernel } from "../io/cad-kernel";
import {
  boxPatches,
  cylinderPatches,
  planarPatch,
  writeSurfaceIges,
  type NurbsPatch,
} from "./write-surface-iges";

type Point = [number, number, number];

function analyzeIges(patches: NurbsPatch[], name = "surfaces.igs") {
  return analyzeFile(new TextEncoder().encode(writeSurfaceIges(patches, name)), name);
}

function report(patches: NurbsPatch[]): AnalysisReport {
  const result = analyzeIges(patches);
  if (!("report" in result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.report;
}

function failure(patches: NurbsPatch[]) {
  const result = analyzeIges(patches);
  if ("report" in result) throw new Error(`expected a refusal, got volume ${result.report.volumeMm3}`);
  return result.error;
}

/** A patch moved by (dx, dy, dz): how exporters leave faces a few microns apart. */
const shifted = (patch: NurbsPatch, delta: Point): NurbsPatch => ({
  ...patch,
  points: patch.points.map(([x, y, z]) => [x + delta[0], y + delta[1], z + delta[2]]),
});

/** Each face of a box split into n × n flat patches: 6 n² surfaces, all joined only by coincidence. */
function tiledBox(size: number, tiles: number, tiledFaces = 6): NurbsPatch[] {
  const step = size / tiles;
  const patches: NurbsPatch[] = [];
  const faces: ((u: number, v: number) => Point)[] = [
    (u, v) => [v, u, 0],
    (u, v) => [u, v, size],
    (u, v) => [u, 0, v],
    (u, v) => [v, size, u],
    (u, v) => [0, v, u],
    (u, v) => [size, u, v],
  ];
  faces.forEach((at, face) => {
    const n = face < tiledFaces ? tiles : 1;
    const s = size / n;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        patches.push(
          planarPatch(
            at(i * s, j * s),
            at((i + 1) * s, j * s),
            at((i + 1) * s, (j + 1) * s),
            at(i * s, (j + 1) * s),
          ),
        );
  });
  expect(step).toBeGreaterThan(0);
  return patches;
}

describe("IGES surface models sewn into solids", () => {
  beforeAll(() => loadIgesKernel(), 60_000);

  it("sews a box exported as six separate faces and measures it exactly", () => {
    const result = report(boxPatches([0, 0, 0], [20, 10, 5]));
    expect(result.volumeMm3).toBeCloseTo(1000, 6);
    expect(result.areaMm2).toBeCloseTo(700, 6);
    expect(result.bodies).toHaveLength(1);
    expect(result.notices.find((notice) => notice.code === "sewn_surfaces")?.message).toMatch(
      /^Sewn from 6 surfaces/,
    );
  });

  it("closes gaps of a few microns between the faces, as exporters leave them", () => {
    const patches = boxPatches([0, 0, 0], [30, 20, 10]).map((patch, index) =>
      shifted(patch, [index * 0.002, -index * 0.001, index * 0.0015]),
    );
    const result = report(patches);
    expect(result.volumeMm3).toBeCloseTo(6000, -1); // within 5 mm³ of 6000: the faces moved by ≤ 0.01 mm
    expect(Math.abs(result.volumeMm3 - 6000) / 6000).toBeLessThan(0.002);
  });

  it("sews 216 tiles whose corners meet the untiled faces' edges (T-junctions)", () => {
    const tiled = report(tiledBox(12, 6));
    expect(tiled.volumeMm3).toBeCloseTo(1728, 6);
    expect(tiled.notices.find((notice) => notice.code === "sewn_surfaces")?.message).toMatch(
      /^Sewn from 216 surfaces/,
    );
    // Two faces tiled, four whole: every tile corner on a whole face's edge is a T-junction.
    const mixed = report(tiledBox(12, 6, 2));
    expect(mixed.volumeMm3).toBeCloseTo(1728, 6);
    expect(mixed.bodies.every((body) => body.closed)).toBe(true);
  });

  it("sews a NURBS cylinder to its caps, whose edges are tessellated differently, to πr²h", () => {
    const result = report(cylinderPatches(5, 10));
    const exact = Math.PI * 25 * 10;
    expect(Math.abs(result.volumeMm3 - exact) / exact).toBeLessThan(0.001);
    expect(result.notices.some((notice) => notice.code === "sewn_surfaces")).toBe(true);
  });

  it("refuses a box with one face missing, naming the open edges and the opening's width", () => {
    const error = failure(boxPatches([0, 0, 0], [20, 10, 5]).slice(0, 5));
    expect(error.code).toBe("open_surfaces");
    expect(error.message).toContain("5 surfaces");
    // The missing face is the 10 × 5 mm end at x = 20.
    expect(error.message).toMatch(/4 open edges \(30 mm in all\)/);
    expect(error.message).toMatch(/about 5 mm across/);
    expect(error.message).toMatch(/request a quote from an engineer/);
  });

  it("refuses faces that stop 0.5 mm short of each other, reporting that gap", () => {
    const patches = boxPatches([0, 0, 0], [20, 10, 5]);
    patches[1] = shifted(patches[1]!, [0, 0, 0.5]); // the top lifted off the walls
    const error = failure(patches);
    expect(error.code).toBe("open_surfaces");
    expect(error.message).toMatch(/about 0\.5 mm across/);
  });

  it("refuses surfaces of two boxes that touch along a face: the mesh cannot tell the bodies apart", () => {
    const error = failure([...boxPatches([0, 0, 0], [10, 10, 10]), ...boxPatches([10, 0, 0], [20, 10, 10])]);
    expect(error.code).toBe("open_surfaces");
    // The two coincident x = 10 faces: four sides and the diagonal both triangulations share.
    expect(error.message).toMatch(/12 surfaces .* 5 edges are shared by more than two surfaces/);
  });

  it("leaves a closed IGES solid as it was: no sewing notice", () => {
    const name = "occt_cube10x10.igs"; // a manifold solid (entity 186), not loose surfaces
    const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
    if (!("report" in result)) throw new Error(result.error.message);
    expect(result.report.volumeMm3).toBeCloseTo(1000, 6);
    expect(result.report.notices.some((notice) => notice.code === "sewn_surfaces")).toBe(false);
  });
});

describe("STEP and IGES surface fixtures (tests/fixtures/cad/construct-surface-models.ts)", () => {
  beforeAll(() => loadIgesKernel(), 60_000);
  const analyzeFixture = (name: string) =>
    analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);

  it("sews a STEP of loose faces with OpenCascade and measures the solid exactly", () => {
    const result = analyzeFixture("surfaces_stepped_shaft.step");
    if (!("report" in result)) throw new Error(result.error.message);
    expect(result.report.volumeMm3).toBeCloseTo(37416.3685, 3); // the solid it was taken from
    expect(result.report.bodies).toHaveLength(1);
    expect(result.report.notices.map((notice) => notice.message)).toContainEqual(
      expect.stringMatching(/^Sewn from 8 surfaces/),
    );
  });

  it("refuses a STEP whose faces do not close, with the free edges and the opening", () => {
    const result = analyzeFixture("surfaces_stepped_shaft_face_missing.step");
    if ("report" in result) throw new Error("expected a refusal");
    expect(result.error.code).toBe("open_surfaces");
    // The missing face is the ⌀30 × 40 cylinder: its two circles stay open, 2 × π × 30 mm long.
    expect(result.error.message).toMatch(/7 surfaces .* 2 open edges \(188 mm in all\)/);
    expect(result.error.message).toMatch(/about 40 mm across/);
  });

  it("sews the 146-surface tiled cube and the NURBS cylinder, turning surfaces outwards without a notice", () => {
    const cube = analyzeFixture("surfaces_tiled_cube40.igs");
    if (!("report" in cube)) throw new Error(cube.error.message);
    expect(cube.report.volumeMm3).toBeCloseTo(64000, 6);
    const cylinder = analyzeFixture("surfaces_cylinder_d20h30.igs");
    if (!("report" in cylinder)) throw new Error(cylinder.error.message);
    expect(Math.abs(cylinder.report.volumeMm3 / (Math.PI * 100 * 30) - 1)).toBeLessThan(0.001);
    expect(cylinder.report.notices.map((notice) => notice.code)).toEqual(["sewn_surfaces"]);
  });
});
