import { describe, expect, it } from "vitest";
import { buildTriangleBvh } from "./triangle-bvh";
import { rayHitsAnyTriangle } from "./triangle-bvh-any-hit";

type Vector3 = [number, number, number];

/** 400 small triangles scattered through a 20 mm cube: rays from inside it hit some and miss others. */
function scatteredTriangles(random: () => number): { positions: Float32Array; indices: Uint32Array } {
  const points: number[] = [];
  for (let triangle = 0; triangle < 400; triangle++) {
    const centre = [random() * 20 - 10, random() * 20 - 10, random() * 20 - 10];
    for (let corner = 0; corner < 3; corner++)
      points.push(...centre.map((value) => value + random() * 3 - 1.5));
  }
  return {
    positions: Float32Array.from(points),
    indices: Uint32Array.from({ length: points.length / 3 }, (_, index) => index),
  };
}

describe("the any-hit ray query", () => {
  it("says a ray is blocked exactly when the nearest-hit search finds a triangle, skip and range included", () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const mesh = scatteredTriangles(random);
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices);
    const outcomes = { hit: 0, miss: 0, missOnlyForSkip: 0, missOnlyForRange: 0 };
    for (let ray = 0; ray < 3000; ray++) {
      // Half the rays start on a triangle's centre and skip it, as tool-access rays do.
      const fromTriangle = ray % 2 === 0 ? ray % 400 : -1;
      const origin: Vector3 =
        fromTriangle >= 0
          ? ([0, 1, 2].map(
              (axis) =>
                (mesh.positions[fromTriangle * 9 + axis]! +
                  mesh.positions[fromTriangle * 9 + 3 + axis]! +
                  mesh.positions[fromTriangle * 9 + 6 + axis]!) /
                3,
            ) as Vector3)
          : [random() * 20 - 10, random() * 20 - 10, random() * 20 - 10];
      const direction = [random() - 0.5, random() - 0.5, random() - 0.5];
      const length = Math.hypot(...direction);
      const unit = direction.map((value) => value / length) as Vector3;
      const maxDistance = ray % 3 === 0 ? 4 : Infinity;
      const nearest = bvh.castRay(origin, unit, fromTriangle, maxDistance);
      const blocked = rayHitsAnyTriangle(bvh, origin, unit, fromTriangle, maxDistance);
      expect(blocked, `ray ${ray}`).toBe(nearest.triangle >= 0);
      if (blocked) outcomes.hit++;
      else {
        outcomes.miss++;
        if (fromTriangle >= 0 && bvh.castRay(origin, unit, -1, maxDistance).triangle >= 0)
          outcomes.missOnlyForSkip++;
        if (maxDistance < Infinity && bvh.castRay(origin, unit, fromTriangle).triangle >= 0)
          outcomes.missOnlyForRange++;
      }
    }
    // Every case was exercised: blocked rays, free rays, and rays free only thanks to the skip or the range.
    expect(outcomes.hit).toBeGreaterThan(100);
    expect(outcomes.miss).toBeGreaterThan(100);
    expect(outcomes.missOnlyForSkip).toBeGreaterThan(20);
    expect(outcomes.missOnlyForRange).toBeGreaterThan(20);
  });
});
