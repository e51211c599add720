import { describe, expect, it } from "vitest";
import { hypot3, measureTriangles } from "./measure-triangles";

/** A seeded generator, so a failure can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("hypot3", () => {
  it("is Math.hypot to the last bit, over many magnitudes and the special values", () => {
    const next = random(22);
    const value = () => (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
    const specials = [0, -0, 1, -1, 1e-320, -1e308, 1e308, Infinity, -Infinity, Number.NaN, 3, 4];
    let compared = 0;
    for (const x of specials)
      for (const y of specials)
        for (const z of specials) {
          expect(Object.is(hypot3(x, y, z), Math.hypot(x, y, z)), `${x}, ${y}, ${z}`).toBe(true);
          compared++;
        }
    let differing = 0;
    for (let sample = 0; sample < 200_000; sample++) {
      const [x, y, z] = [value(), value(), value()];
      if (!Object.is(hypot3(x, y, z), Math.hypot(x, y, z))) differing++;
      // Cross products of float32 coordinates, as measureTriangles sees them.
      const [a, b, c] = [Math.fround(value()), Math.fround(value()), Math.fround(value())];
      if (!Object.is(hypot3(a, b, c), Math.hypot(a, b, c))) differing++;
      compared += 2;
    }
    expect(differing).toBe(0);
    expect(compared).toBeGreaterThan(400_000);
  });
});

describe("measureTriangles", () => {
  it("gives area, unit normal and centre, and a zero normal for a collapsed triangle", () => {
    const positions = new Float32Array([0, 0, 0, 3, 0, 0, 0, 4, 0, 6, 0, 0]);
    const indices = new Uint32Array([0, 1, 2, 0, 1, 3]);
    const { areas, normals, centroids } = measureTriangles(positions, indices);
    expect([...areas]).toEqual([6, 0]);
    expect([...normals]).toEqual([0, 0, 1, 0, 0, 0]);
    expect([...centroids.slice(0, 3)]).toEqual([1, 4 / 3, 0]);
  });

  it("gives the same numbers in the kept arrays as in fresh ones, though the last mesh left other numbers there", () => {
    // Two triangles with normals first, then the same two the other way round: the collapsed one now
    // sits where a normal was left.
    const positions = new Float32Array([0, 0, 0, 3, 0, 0, 0, 4, 0, 6, 0, 0]);
    measureTriangles(positions, new Uint32Array([0, 1, 2, 0, 2, 1]), true);
    const indices = new Uint32Array([0, 1, 2, 0, 1, 3]);
    const kept = measureTriangles(positions, indices, true);
    const fresh = measureTriangles(positions, indices);
    expect([...kept.normals]).toEqual([...fresh.normals]);
    expect([...kept.normals]).toEqual([0, 0, 1, 0, 0, 0]);
    expect([...kept.areas]).toEqual([...fresh.areas]);
    expect([...kept.centroids]).toEqual([...fresh.centroids]);
    // A second mesh asking for kept arrays gets the same memory: no result may keep them.
    expect(measureTriangles(positions, indices, true).normals.buffer).toBe(kept.normals.buffer);
  });
});
