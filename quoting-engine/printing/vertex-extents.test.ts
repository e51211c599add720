import { describe, expect, it } from "vitest";
import type { Vector3 } from "../analysis/analyze-model";
import { extentAlong, vertexExtents } from "./vertex-extents";

/** The extent as a pass over every vertex gives it, with the same float operations. */
function everyVertex(positions: Float32Array, [ux, uy, uz]: Vector3) {
  let low = Infinity,
    high = -Infinity;
  for (let vertex = 0; vertex < positions.length; vertex += 3) {
    const h = positions[vertex]! * ux + positions[vertex + 1]! * uy + positions[vertex + 2]! * uz;
    low = Math.min(low, h);
    high = Math.max(high, h);
  }
  return { low, high };
}

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("vertexExtents", () => {
  // 10,007 vertices (runs of 64 and a short last one) on a rough sphere of float32 coordinates, many
  // of them alike along the axes (ties between runs), and directions with zero and negative parts.
  const next = random(7);
  const positions = new Float32Array(10_007 * 3);
  for (let vertex = 0; vertex < 10_007; vertex++) {
    const [x, y, z] = [next() - 0.5, next() - 0.5, next() - 0.5];
    const scale = (40 + Math.round(next() * 4)) / Math.hypot(x, y, z);
    positions.set([Math.round(x * scale), y * scale, z * scale + 1e3], vertex * 3);
  }
  const directions: Vector3[] = [
    [0, 0, 1],
    [0, 0, -1],
    [-1, 0, 0],
    [0, 1, 0],
    [Math.SQRT1_2, -Math.SQRT1_2, 0],
  ];
  for (let index = 0; index < 60; index++) {
    const [x, y, z] = [next() - 0.5, next() - 0.5, next() - 0.5];
    const length = Math.hypot(x, y, z);
    directions.push([x / length, y / length, z / length]);
  }

  it("gives exactly the lowest and highest vertex along any direction", () => {
    const extents = vertexExtents(positions);
    for (const direction of directions)
      expect(extentAlong(extents, direction)).toEqual(everyVertex(positions, direction));
  });

  it("has no extent on an empty mesh", () => {
    expect(extentAlong(vertexExtents(new Float32Array(0)), [0, 0, 1])).toEqual({
      low: Infinity,
      high: -Infinity,
    });
  });
});
