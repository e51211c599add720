import { describe, expect, it } from "vitest";
import { closedMeshMates } from "./closed-mesh-mates";
import { additiveWallLimits } from "./dfm-rules";
import { findThinnestRegions, summarizeWallThickness } from "./summarize-wall-thickness";
import { buildTriangleNeighbours, type TriangleNeighbours } from "./triangle-neighbours";

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
  it.each([
    // A few hundred distinct values, some walls thin and most thick, and some triangles no wall.
    ["spread", (next: () => number) => (next() < 0.9 ? 2 + Math.round(next() * 300) / 100 : next())],
    // Nearly all within 2 µm of 1 mm and a few up to 50 mm: most keys in one bucket of the range,
    // sorted by counting their steps.
    ["crowded", (next: () => number) => (next() < 0.97 ? 1 + Math.round(next() * 20) / 1e4 : 50 * next())],
  ])(
    "joins triangles in order of thickness, ties by number, however the values crowd together (%s)",
    (_, value) => {
      const next = random(22);
      const count = 3_000;
      const thickness = new Float32Array(count);
      const areas = new Float64Array(count);
      for (let triangle = 0; triangle < count; triangle++) {
        thickness[triangle] = next() < 0.05 ? Number.NaN : value(next);
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
      // The largest region holds thicker walls than the smallest: the search read on past the thinnest.
      expect(regions[2]!.thicknessMm).toBeGreaterThan(regions[1]!.thicknessMm);
    },
  );
});

describe("summarizeWallThickness on a closed mesh", () => {
  it("reads the neighbours from the edge mates in place, as from the rows of every shared edge", () => {
    // A closed torus-like grid of 2 × 60 × 40 triangles with thickness in patches: some below every
    // process's hard minimum, so regions below it are grown too.
    const [around, across] = [60, 40];
    const at = (i: number, j: number) => (i % around) * across + (j % across);
    const corners: number[] = [];
    for (let i = 0; i < around; i++)
      for (let j = 0; j < across; j++)
        corners.push(at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j), at(i + 1, j + 1), at(i, j + 1));
    const indices = Uint32Array.from(corners);
    const edgeMates = closedMeshMates(indices, around * across);
    expect(edgeMates).toBeDefined();
    const count = indices.length / 3;
    const next = random(7);
    const thickness = new Float32Array(count);
    const areas = new Float64Array(count);
    for (let triangle = 0; triangle < count; triangle++) {
      const patch = Math.floor(triangle / 97) % 5;
      thickness[triangle] = next() < 0.03 ? Number.NaN : [0.1, 0.3, 0.7, 2, 6][patch]! + next() * 0.05;
      areas[triangle] = 0.5 + next();
    }
    const summary = (neighbours: TriangleNeighbours) =>
      summarizeWallThickness(
        thickness,
        new Int32Array(count),
        areas,
        neighbours,
        count,
        additiveWallLimits,
        5,
      );
    const fromRows = summary(buildTriangleNeighbours(indices));
    const fromMates = summary({ offsets: new Int32Array(0), neighbours: new Int32Array(0), edgeMates });
    expect(fromMates).toEqual(fromRows);
    // Regions were grown across edges: a summary that saw no neighbours would find only single triangles.
    expect(fromRows.report.processes.some((process) => process.largestRegionBelowHardMm2 > 20)).toBe(true);
  });
});
