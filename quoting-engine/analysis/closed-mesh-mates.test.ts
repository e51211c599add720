import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CadModel } from "../io/cad-model";
import { analyzeModel } from "./analyze-model";
import { closedMeshMates, displayMeshEdgeMates } from "./closed-mesh-mates";
import { buildMeshEdgeTable } from "./mesh-edge-table";
import { splitAndOrientBodies } from "./split-and-orient-bodies";
import { warmUpMesh } from "./warm-mesh-measuring";
import { readStl } from "../io/read-stl";

// Counts the edge tables built, to see that the features stage does not build the display mesh's again.
vi.mock("./mesh-edge-table", async (importOriginal) => {
  const original = await importOriginal<typeof import("./mesh-edge-table")>();
  return { ...original, buildMeshEdgeTable: vi.fn(original.buildMeshEdgeTable) };
});

/** A cube's 12 triangles facing outwards, on vertices first … first + 7 (vertex x + 2y + 4z). */
const cubeTriangles = [
  [0, 2, 3], [0, 3, 1], [4, 5, 7], [4, 7, 6], [0, 1, 5], [0, 5, 4],
  [2, 6, 7], [2, 7, 3], [0, 4, 6], [0, 6, 2], [1, 3, 7], [1, 7, 5],
]; // prettier-ignore

function cube(origin: [number, number, number], size: number) {
  const positions: number[] = [];
  for (let vertex = 0; vertex < 8; vertex++)
    positions.push(
      origin[0] + (vertex & 1) * size,
      origin[1] + ((vertex >> 1) & 1) * size,
      origin[2] + ((vertex >> 2) & 1) * size,
    );
  return { positions, triangles: cubeTriangles.map((triangle) => [...triangle]) };
}

/** One mesh part of the given cubes; `turned` lists triangles (over all cubes) drawn the other way. */
function meshModel(cubes: ReturnType<typeof cube>[], turned: number[] = []): CadModel {
  const positions: number[] = [];
  const indices: number[] = [];
  let triangleNumber = 0;
  for (const { positions: corners, triangles } of cubes) {
    const first = positions.length / 3;
    positions.push(...corners);
    for (const [a, b, c] of triangles) {
      const flip = turned.includes(triangleNumber++);
      indices.push(first + a!, first + (flip ? c! : b!), first + (flip ? b! : c!));
    }
  }
  return {
    format: "stl",
    sourceUnit: "unknown",
    scaleToMm: 1,
    parts: [{ positions: Float64Array.from(positions), indices: Uint32Array.from(indices) }],
    faces: [],
    notices: [],
  };
}

const everyTriangle = Array.from({ length: 12 }, (_, triangle) => triangle);

describe("the display mesh's edge mates, carried over from analysing the model", () => {
  beforeEach(() => {
    vi.mocked(buildMeshEdgeTable).mockClear();
  });

  it.each([
    ["a closed torus", () => (readStl(warmUpMesh()) as { value: CadModel }).value],
    ["a cube with a sealed void", () => meshModel([cube([0, 0, 0], 10), cube([3, 3, 3], 4)])],
    ["a cube drawn inside out", () => meshModel([cube([0, 0, 0], 10)], everyTriangle)],
    ["a cube with two triangles drawn the wrong way", () => meshModel([cube([0, 0, 0], 10)], [3, 7])],
    [
      "two cubes, the second inside out, and a void drawn inwards",
      () =>
        meshModel(
          [cube([0, 0, 0], 10), cube([20, 0, 0], 10), cube([2, 2, 2], 3)],
          [
            ...everyTriangle.map((triangle) => triangle + 12),
            ...everyTriangle.map((triangle) => triangle + 24),
          ],
        ),
    ],
  ])("%s: what an edge table of the display mesh gives, without building one", (_, model) => {
    const analysis = analyzeModel(model(), { edgeMates: true });
    if (!analysis.ok) throw new Error(analysis.error.message);
    const mesh = analysis.value.displayMesh;
    const tablesBefore = vi.mocked(buildMeshEdgeTable).mock.calls.length;
    const mates = displayMeshEdgeMates(mesh);
    expect(vi.mocked(buildMeshEdgeTable).mock.calls.length).toBe(tablesBefore);
    expect(mates).toEqual(closedMeshMates(mesh.indices, mesh.positions.length / 3));
  });

  it.each([
    [
      "a mesh with a hole, closed by analysis",
      () => {
        const model = meshModel([cube([0, 0, 0], 10), cube([20, 0, 0], 10)]);
        model.parts[0]!.indices = model.parts[0]!.indices.slice(0, -3);
        return analyzeModel(model, { edgeMates: true });
      },
    ],
    ["a closed mesh analysed without asking for them", () => analyzeModel(meshModel([cube([0, 0, 0], 10)]))],
  ])("%s: built from the display mesh's own edge table", (_, analyse) => {
    const analysis = analyse();
    if (!analysis.ok) throw new Error(analysis.error.message);
    const mesh = analysis.value.displayMesh;
    const tablesBefore = vi.mocked(buildMeshEdgeTable).mock.calls.length;
    const mates = displayMeshEdgeMates(mesh);
    expect(vi.mocked(buildMeshEdgeTable).mock.calls.length).toBe(tablesBefore + 1);
    expect(mates).toBeDefined();
    expect(mates).toEqual(closedMeshMates(mesh.indices, mesh.positions.length / 3));
  });

  it("the body split gives the mates of its bodies' triangles as oriented, in their order", () => {
    const model = meshModel([cube([0, 0, 0], 10), cube([20, 0, 0], 10)], [1, 5, 12, 13]);
    const part = model.parts[0]!;
    const split = splitAndOrientBodies(part, { maxHoleAreaShare: 0.2, edgeMates: true });
    const drawn = new Uint32Array(24 * 3);
    let offset = 0;
    for (const body of split.bodies) {
      drawn.set(body.indices, offset);
      offset += body.indices.length;
    }
    // The second body is reached from a triangle drawn the wrong way: oriented like it, then turned round.
    expect(split.bodies.map((body) => body.inverted)).toEqual([false, true]);
    expect(split.edgeMates).toEqual(closedMeshMates(drawn, part.positions.length / 3));
  });
});
