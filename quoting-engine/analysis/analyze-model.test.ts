import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CadModel } from "../io/cad-model";
import { readStl } from "../io/read-stl";
import { analyzeModel, type ModelAnalysis } from "./analyze-model";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`));

function analyzeStl(name: string): ModelAnalysis {
  const read = readStl(fixture(name));
  if (!read.ok) throw new Error(`${name}: ${read.error.message}`);
  const analysis = analyzeModel(read.value);
  if (!analysis.ok) throw new Error(`${name}: ${analysis.error.message}`);
  return analysis.value;
}

const size = (analysis: ModelAnalysis) =>
  analysis.bbox.max.map((value, axis) => value - analysis.bbox.min[axis]!);
const codes = (analysis: ModelAnalysis) => analysis.notices.map((notice) => notice.code);

/** A closed box of given size from 12 triangles, outward-facing, optionally offset. */
function boxModel(
  sx: number,
  sy: number,
  sz: number,
  offset: [number, number, number] = [0, 0, 0],
): CadModel {
  const [ox, oy, oz] = offset;
  const corners = [
    [0, 0, 0],
    [sx, 0, 0],
    [sx, sy, 0],
    [0, sy, 0],
    [0, 0, sz],
    [sx, 0, sz],
    [sx, sy, sz],
    [0, sy, sz],
  ].flatMap(([x, y, z]) => [x! + ox, y! + oy, z! + oz]);
  const faces = [
    0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4,
    7,
  ];
  return {
    format: "stl",
    sourceUnit: "unknown",
    scaleToMm: 1,
    faces: [],
    notices: [],
    parts: [{ positions: Float64Array.from(corners), indices: Uint32Array.from(faces) }],
  };
}

describe("analyzeModel on generated solids with known answers", () => {
  it("measures a 10 mm cube as 1000 mm³ and 600 mm²", () => {
    const result = analyzeModel(boxModel(10, 10, 10));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.volumeMm3).toBeCloseTo(1000, 9);
    expect(result.value.areaMm2).toBeCloseTo(600, 9);
    expect(result.value.bodies).toHaveLength(1);
    expect(result.value.bodies[0]?.closed).toBe(true);
  });

  it("keeps full precision for a box a thousand kilometres from the origin", () => {
    const result = analyzeModel(boxModel(12.5, 7.25, 3, [1.2e6, -3.4e6, 9.9e5]));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.volumeMm3).toBeCloseTo(12.5 * 7.25 * 3, 6);
    expect(result.value.bbox.min).toEqual([1.2e6, -3.4e6, 9.9e5]);
  });

  it("refuses a model that is only an open surface", () => {
    const model = boxModel(10, 10, 10);
    model.parts[0]!.indices = model.parts[0]!.indices.slice(0, 6); // just the bottom face
    expect(analyzeModel(model)).toMatchObject({ ok: false, error: { code: "no_solid" } });
  });
});

describe("analyzeModel on STL files", () => {
  it.each([
    ["occt_cube10x10_binary.stl", 1000, 600, [10, 10, 10]],
    ["synth_cube20_ascii.stl", 8000, 2400, [20, 20, 20]],
    ["synth_plate_4thru_1blind_binary.stl", 58330.622, 15906.493, [100, 60, 10]],
    ["threejs_colored_binary.stl", 1.205, 9.197, [3.1748, 1.2681, 1.2688]],
    ["o3dv_stl_ascii.stl", 4.915, 29.424, [4.9441, 4.4262, 1.2]],
  ] as const)("%s: volume %f mm³, area %f mm², size %j", (name, volume, area, expectedSize) => {
    const analysis = analyzeStl(name);
    expect(Math.abs(analysis.volumeMm3 - volume) / volume).toBeLessThan(0.001);
    expect(Math.abs(analysis.areaMm2 - area) / area).toBeLessThan(0.001);
    size(analysis).forEach((value, axis) => expect(value).toBeCloseTo(expectedSize[axis]!, 3));
    expect(analysis.bodies.every((body) => body.closed)).toBe(true);
  });

  it("turns an inside-out cube around and says so", () => {
    const analysis = analyzeStl("inverted_normals_cube20.stl");
    expect(analysis.volumeMm3).toBeCloseTo(8000, 6);
    expect(analysis.notices.find((notice) => notice.code === "mesh_repaired")?.message).toBe(
      "Repaired: 12 triangles turned outwards.",
    );
  });

  it("closes a cube with one missing facet, measures the full 8000 mm³, and warns", () => {
    const analysis = analyzeStl("open_mesh_cube20_missing_facet.stl");
    expect(analysis.volumeMm3).toBeCloseTo(8000, 6);
    expect(analysis.areaMm2).toBeCloseTo(2400, 6);
    expect(analysis.notices.find((notice) => notice.code === "mesh_repaired")).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("Repaired: 1 hole closed (200 mm²)"),
    });
  });

  it("separates two cubes that touch along an edge into two closed bodies and flags the edge", () => {
    const analysis = analyzeStl("nonmanifold_two_cubes_shared_edge.stl");
    expect(analysis.bodies).toHaveLength(2);
    expect(analysis.volumeMm3).toBeCloseTo(2000, 6);
    expect(codes(analysis)).toEqual(expect.arrayContaining(["non_manifold_edges", "identical_bodies"]));
  });

  it("measures a cube far from the origin as 1000 mm³ despite float32 coordinates", () => {
    const analysis = analyzeStl("far_from_origin_cube10_binary.stl");
    expect(analysis.volumeMm3).toBeCloseTo(1000, 3);
    expect(analysis.bbox.min[0]).toBeCloseTo(1234567.875, 3);
  });

  it("reads the three.js slotted disk closed as drawn: its 'open edges' were 0 beside rounding noise", () => {
    // Its corners on z = 0 read 0 in one facet and ~1e-17 in the next; welded as 0, no hole is left to close.
    const analysis = analyzeStl("threejs_slotted_disk_ascii.stl");
    expect(analysis.bodies.every((body) => body.closed)).toBe(true);
    expect(codes(analysis)).not.toContain("mesh_repaired");
    expect(analysis.repairs.holesClosed).toBe(0);
    expect(Math.abs(analysis.volumeMm3 - 0.097) / 0.097).toBeLessThan(0.05);
  });

  it("numbers each body's triangles in the display mesh, the first body's 0 as well as the others'", () => {
    // Body 0's ids are the new array's zeros, not written (decision 0121): the others' must still be.
    const analysis = analyzeStl("shells_three_identical_cubes.stl");
    const mesh = analysis.displayMesh;
    expect(analysis.bodies).toHaveLength(3);
    const trianglesPerBody = analysis.bodies.map(() => 0);
    let previous = 0;
    for (const body of mesh.bodyIds) {
      trianglesPerBody[body]!++;
      expect(body).toBeGreaterThanOrEqual(previous); // bodies follow one another
      previous = body;
    }
    expect(trianglesPerBody).toEqual(analysis.bodies.map((body) => body.triangleCount));
  });

  it("builds a display mesh with one body id and face id per triangle, relative to the box corner", () => {
    const analysis = analyzeStl("synth_plate_4thru_1blind_binary.stl");
    const mesh = analysis.displayMesh;
    expect(mesh.indices.length / 3).toBe(2548);
    expect(mesh.faceIds.length).toBe(2548);
    expect(mesh.bodyIds.every((id) => id === 0)).toBe(true);
    expect(Math.min(...mesh.positions)).toBeGreaterThanOrEqual(0);
    expect(mesh.positions.length / 3).toBeLessThan(mesh.indices.length / 2); // corners are shared, not repeated
  });
});

describe("readStl on broken files", () => {
  it.each([
    ["empty.stl", "empty_file"],
    ["truncated_binary_plate.stl", "truncated"],
  ])("%s is refused with %s", (name, code) => {
    const read = readStl(fixture(name));
    expect(read).toMatchObject({ ok: false, error: { code } });
    if (!read.ok) expect(read.error.message.length).toBeGreaterThan(20);
  });

  it("says how many triangles a truncated file announces and holds", () => {
    const read = readStl(fixture("truncated_binary_plate.stl"));
    expect(!read.ok && read.error.message).toMatch(
      /announces 2,548 triangles but its [\d,]+ bytes hold only 1,528/,
    );
  });

  it("calls a header announcing far more triangles than the bytes hold damaged, not too large", () => {
    // One triangle, but a header claiming a billion (as in a file cut off or damaged in transfer).
    const bytes = new Uint8Array(fixture("far_from_origin_cube10_binary.stl").subarray(0, 84 + 50));
    new DataView(bytes.buffer).setUint32(80, 1_000_000_000, true);
    const read = readStl(bytes);
    expect(read).toMatchObject({ ok: false, error: { code: "truncated" } });
    expect(!read.ok && read.error.message).toMatch(
      /cut off or damaged: its header announces 1,000,000,000 triangles but its 134 bytes hold only 1\. .*export and upload it again/,
    );
  });

  it("reads a binary file whose header starts with solid as binary, complete or cut off", () => {
    const binary = fixture("far_from_origin_cube10_binary.stl");
    const solidHeader = new Uint8Array(binary);
    solidHeader.set(new TextEncoder().encode("solid cube exported as binary facet normal "), 0);
    const read = readStl(solidHeader);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.parts[0]!.indices.length / 3).toBe(12);
    const cut = readStl(solidHeader.subarray(0, 84 + 50 * 5));
    expect(cut).toMatchObject({ ok: false, error: { code: "truncated" } });
    expect(!cut.ok && cut.error.message).toMatch(/announces 12 triangles .* hold only 5/);
  });

  it("refuses an ASCII file cut off mid-facet", () => {
    const text = readFileSync("tests/fixtures/cad/synth_cube20_ascii.stl", "utf8");
    const read = readStl(new TextEncoder().encode(text.slice(0, Math.floor(text.length / 2))));
    expect(read).toMatchObject({ ok: false, error: { code: "truncated" } });
  });
});

describe("triangle share of a body whose holes were closed", () => {
  it("counts only the file's triangles, so the shares stay within 1 and add up to 1", () => {
    // A 20 mm cube without one facet: its hole is closed with added triangles.
    const analysis = analyzeStl("open_mesh_cube20_missing_facet.stl");
    expect(analysis.repairs.holesClosed).toBe(1);
    const shares = analysis.bodies.map((body) => body.triangleShare);
    expect(Math.max(...shares)).toBeLessThanOrEqual(1);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
  });
});

describe("lobes of one body touching along an edge", () => {
  it("measures the body as closed, as admesh and slicers do (OpenSCAD unions export such edges)", async () => {
    const { voxelMesh } = await import("@/tests/fixtures/voxel-mesh");
    // Bottom layer: two cubes meeting only along the edge x = y = 1; the top layer joins them by faces.
    const mesh = voxelMesh([2, 2, 2], (x, y, z) => (z === 0 ? x === y : !(x === 0 && y === 1)), 10);
    const model: CadModel = {
      format: "stl",
      sourceUnit: "unknown",
      scaleToMm: 1,
      faces: [],
      notices: [],
      parts: [{ positions: mesh.positions, indices: mesh.indices }],
    };
    const analysis = analyzeModel(model);
    if (!analysis.ok) throw new Error(analysis.error.message);
    expect(analysis.value.bodies.filter((body) => body.closed)).toHaveLength(1);
    expect(analysis.value.volumeMm3).toBeCloseTo(5000, 6);
    expect(codes(analysis.value)).toContain("non_manifold_edges");
  });
});
