import { describe, expect, it } from "vitest";
import { boxSides } from "../../tests/fixtures/box-stl";
import type { DisplayMesh } from "./analyze-model";
import { bodiesInTree, castRayWithinBody } from "./cast-ray-within-body";
import { measureWallThickness } from "./measure-wall-thickness";
import { buildTriangleBvh, castRayIntoTree } from "./triangle-bvh";

type Box = { min: number[]; max: number[] };

/** Axis-aligned boxes as one display mesh, body i the i-th box, each side two outward triangles. */
function boxesMesh(boxes: Box[]): DisplayMesh {
  const positions: number[] = [];
  const indices: number[] = [];
  const bodyIds: number[] = [];
  boxes.forEach(({ min, max }, body) => {
    const first = positions.length / 3;
    for (let corner = 0; corner < 8; corner++)
      for (let axis = 0; axis < 3; axis++) positions.push((corner >> axis) & 1 ? max[axis]! : min[axis]!);
    for (const [a, b, c, d] of boxSides) {
      indices.push(first + a, first + b, first + c, first + a, first + c, first + d);
      bodyIds.push(body, body);
    }
  });
  const triangles = indices.length / 3;
  return {
    originMm: [0, 0, 0],
    positions: Float32Array.from(positions),
    indices: Uint32Array.from(indices),
    faceIds: new Int32Array(triangles).fill(-1),
    bodyIds: Uint32Array.from(bodyIds),
  };
}

/** Wall thickness of the triangles of `body` lying in the plane x = `x`. */
function thicknessAtX(mesh: DisplayMesh, body: number, x: number): number[] {
  const { thicknessMm } = measureWallThickness(mesh);
  const values: number[] = [];
  for (let triangle = 0; triangle < mesh.indices.length / 3; triangle++) {
    const corners = [0, 1, 2].map((corner) => mesh.positions[mesh.indices[triangle * 3 + corner]! * 3]!);
    if (mesh.bodyIds[triangle] === body && corners.every((value) => value === x))
      values.push(thicknessMm[triangle]!);
  }
  return values;
}

describe("wall rays of an assembly's bodies", () => {
  it("reads a body's wall where a neighbour shares its face", () => {
    // Two 10 mm blocks side by side, the second one's face at x = 10 lying on the first one's. The rays
    // from the first block's face at x = 0 meet both faces at x = 10 at once; the old rays took the
    // neighbour's (the lower triangle number), stepped past it and so past the block's own far wall.
    const mesh = boxesMesh([
      { min: [10, 0, 0], max: [20, 10, 10] },
      { min: [0, 0, 0], max: [10, 10, 10] },
    ]);
    const values = thicknessAtX(mesh, 1, 0);
    expect(values).toHaveLength(2);
    for (const value of values) expect(value).toBeCloseTo(10, 5);
  });

  it("reads a plate's thickness through more bolts than a ray used to cross", () => {
    // A 40 mm plate with 20 thin parts set into it (pins through a plate, as in an assembly): every wall
    // ray from the plate's bottom crosses their 40 faces on its way to the plate's top.
    const pins: Box[] = Array.from({ length: 20 }, (_, pin) => ({
      min: [-5, -5, 1 + pin * 1.9],
      max: [25, 25, 1.5 + pin * 1.9],
    }));
    const mesh = boxesMesh([{ min: [0, 0, 0], max: [20, 20, 40] }, ...pins]);
    const { thicknessMm } = measureWallThickness(mesh);
    // The plate's bottom (z = 0) is its first side: triangles 0 and 1.
    expect(thicknessMm[0]).toBeCloseTo(40, 5);
    expect(thicknessMm[1]).toBeCloseTo(40, 5);
  });

  it("finds the nearest triangle of the body, as the whole tree does among that body's triangles", () => {
    const boxes: Box[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let box = 0; box < 40; box++) {
      const min = [random() * 30, random() * 30, random() * 30];
      boxes.push({ min, max: min.map((value) => value + 1 + random() * 10) });
    }
    const mesh = boxesMesh(boxes);
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices);
    const bodies = bodiesInTree(bvh.arrays.tree, Int32Array.from(mesh.bodyIds));
    const triangleCount = mesh.indices.length / 3;
    // The body's triangles alone (other bodies' corners moved far away): the whole tree's answer there.
    for (let trial = 0; trial < 400; trial++) {
      const body = Math.floor(random() * 40);
      const ray = new Float64Array(7);
      ray.set([random() * 40, random() * 40, random() * 40]);
      const direction = [random() - 0.5, random() - 0.5, random() - 0.5];
      const length = Math.hypot(...direction);
      ray.set(
        direction.map((value) => value / length),
        3,
      );
      const skip = Math.floor(random() * triangleCount);
      const hit = castRayWithinBody(bvh.arrays.tree, bodies, ray, skip, body);
      const distance = ray[6];
      const own = Uint32Array.from(mesh.indices);
      for (let triangle = 0; triangle < triangleCount; triangle++)
        if (mesh.bodyIds[triangle] !== body)
          own[triangle * 3 + 1] = own[triangle * 3 + 2] = own[triangle * 3]!;
      const alone = buildTriangleBvh(mesh.positions, own);
      const expected = castRayIntoTree(alone, ray, skip, Infinity);
      expect([hit, distance]).toEqual([expected, ray[6]]);
    }
  });
});
