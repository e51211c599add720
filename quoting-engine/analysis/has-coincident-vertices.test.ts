import { describe, expect, it } from "vitest";
import { hasCoincidentVertices } from "./has-coincident-vertices";
import { weldVertices } from "./weld-vertices";

/** A 40 × 40 × 40 grid of vertices 0.37 mm apart: 64,000 different points. */
function grid(): Float32Array {
  const positions = new Float32Array(40 * 40 * 40 * 3);
  let at = 0;
  for (let x = 0; x < 40; x++)
    for (let y = 0; y < 40; y++)
      for (let z = 0; z < 40; z++) {
        positions[at++] = x * 0.37 - 7;
        positions[at++] = y * 0.37 - 7;
        positions[at++] = z * 0.37 - 7;
      }
  return positions;
}

const vertexCount = (positions: Float32Array) => positions.length / 3;
const weldedCount = (positions: Float32Array) =>
  weldVertices(Float64Array.from(positions), new Uint32Array(0)).positions.length / 3;

describe("telling whether welding a float32 mesh would merge anything", () => {
  it("finds no two vertices on one point in a grid, and welding keeps them all", () => {
    const positions = grid();
    expect(hasCoincidentVertices(positions)).toBe(false);
    expect(weldedCount(positions)).toBe(vertexCount(positions));
  });

  it("finds one vertex repeated far down the list, where welding merges it", () => {
    const positions = grid();
    positions.copyWithin(50_000 * 3, 123 * 3, 124 * 3);
    expect(hasCoincidentVertices(positions)).toBe(true);
    expect(weldedCount(positions)).toBe(vertexCount(positions) - 1);
  });

  it("takes 0 and −0 for one point, and NaN for none", () => {
    expect(hasCoincidentVertices(Float32Array.from([0, 1, 2, -0, 1, 2]))).toBe(true);
    expect(hasCoincidentVertices(Float32Array.from([NaN, 1, 2, NaN, 1, 2]))).toBe(false);
    expect(hasCoincidentVertices(Float32Array.from([1, 2, 3, 1, 2, 3.0000002]))).toBe(false);
  });
});
