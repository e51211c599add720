import { describe, expect, it } from "vitest";
import { findThinnestRegions } from "./summarize-wall-thickness";

/** A seeded generator, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The thinnest regions on a chain of triangles (each one's neighbours are the one before and after),
 * found the slow way: triangles join in order of thickness (then number), and a region is the run of
 * joined triangles around the one that just joined.
 */
function slowThinnestRegions(thickness: Float32Array, areas: Float64Array, thresholds: number[]) {
  const joined = new Uint8Array(thickness.length);
  const order = [...thickness.keys()]
    .filter((triangle) => !Number.isNaN(thickness[triangle]!))
    .sort(
      (a, b) =>
        Math.min(Math.round(thickness[a]! * 1e4), 2 ** 28) -
          Math.min(Math.round(thickness[b]! * 1e4), 2 ** 28) || a - b,
    );
  const found: { thicknessMm: number; seedTriangle: number }[] = [];
  for (const triangle of order) {
    joined[triangle] = 1;
    let from = triangle;
    let to = triangle;
    while (from > 0 && joined[from - 1]) from--;
    while (to < thickness.length - 1 && joined[to + 1]) to++;
    let area = 0;
    for (let index = from; index <= to; index++) area += areas[index]!;
    thresholds.forEach((threshold, index) => {
      if (!found[index] && area >= threshold)
        found[index] = { thicknessMm: Math.round(thickness[triangle]! * 1e3) / 1e3, seedTriangle: triangle };
    });
  }
  return found;
}

describe("findThinnestRegions", () => {
  it("joins triangles in order of thickness, ties by number, however the values crowd together", () => {
    const next = random(22);
    const count = 3_000;
    const thickness = new Float32Array(count);
    const areas = new Float64Array(count);
    for (let triangle = 0; triangle < count; triangle++) {
      // A few hundred distinct values, some walls thin and most thick, and some triangles no wall.
      thickness[triangle] =
        next() < 0.05 ? Number.NaN : next() < 0.9 ? 2 + Math.round(next() * 300) / 100 : next();
      areas[triangle] = 0.01 + next() * 0.05;
    }
    // Chain neighbours: the first and last triangles have one, the others two.
    const offsets = Int32Array.from({ length: count + 1 }, (_, triangle) =>
      Math.min(2 * count - 2, Math.max(0, triangle * 2 - 1)),
    );
    const neighbours = new Int32Array(2 * count - 2);
    for (let triangle = 0; triangle < count; triangle++) {
      let slot = offsets[triangle]!;
      if (triangle > 0) neighbours[slot++] = triangle - 1;
      if (triangle < count - 1) neighbours[slot] = triangle + 1;
    }
    const thresholds = [0.5, 0.05, 2, 8, 0.2];
    const regions = findThinnestRegions(thickness, areas, { offsets, neighbours }, thresholds);
    expect(regions.map(({ thicknessMm, seedTriangle }) => ({ thicknessMm, seedTriangle }))).toEqual(
      slowThinnestRegions(thickness, areas, thresholds),
    );
    // Some regions are among the thick walls: the search went past the first buckets.
    expect(regions.some((region) => region.thicknessMm >= 2)).toBe(true);
  });
});
