import { describe, expect, it } from "vitest";
import { maxFilter } from "./max-filter";

/** The running maximum cell by cell, as the support spread took it before. */
function bruteForce(
  values: Float64Array,
  nx: number,
  ny: number,
  radius: number,
  stride: number,
): Float64Array {
  const out = new Float64Array(values.length);
  const lines = stride === 1 ? ny : nx;
  const length = stride === 1 ? nx : ny;
  const step = stride === 1 ? nx : 1;
  for (let line = 0; line < lines; line++)
    for (let i = 0; i < length; i++) {
      let best = -Infinity;
      for (let j = Math.max(0, i - radius); j <= Math.min(length - 1, i + radius); j++)
        best = Math.max(best, values[line * step + j * stride]!);
      out[line * step + i * stride] = best;
    }
  return out;
}

describe("maxFilter (the support's sideways spread)", () => {
  it("gives the running maximum of every window, at the edges too, along rows and columns", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
    for (const [nx, ny] of [
      [1, 1],
      [5, 3],
      [17, 11],
      [40, 40],
    ] as const)
      for (const radius of [1, 2, 3, 6, 20]) {
        const values = Float64Array.from({ length: nx * ny }, () => (random() < 3 ? -Infinity : random()));
        for (const stride of [1, nx]) {
          expect(Array.from(maxFilter(values, nx, ny, radius, stride))).toEqual(
            Array.from(bruteForce(values, nx, ny, radius, stride)),
          );
        }
      }
  });
});
