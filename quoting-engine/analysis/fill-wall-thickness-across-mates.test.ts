import { describe, expect, it } from "vitest";
import { closedMeshMates } from "./closed-mesh-mates";
import { fillWallThicknessAcrossMates } from "./fill-wall-thickness-across-mates";

/** A closed torus of `around` × `across` quads, its triangles numbered in a shuffled order. */
function shuffledTorus(around: number, across: number, seed: number): Uint32Array {
  const at = (i: number, j: number) => (i % around) * across + (j % across);
  const triangles: number[][] = [];
  for (let i = 0; i < around; i++)
    for (let j = 0; j < across; j++)
      triangles.push([at(i, j), at(i + 1, j), at(i + 1, j + 1)], [at(i, j), at(i + 1, j + 1), at(i, j + 1)]);
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let index = triangles.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [triangles[index], triangles[other]] = [triangles[other]!, triangles[index]!];
  }
  return Uint32Array.from(triangles.flat());
}

/** The fill as a queue: sampled triangles in triangle order, each one's neighbours in side order. */
function fillWithQueue(thicknessMm: Float32Array, sampled: Uint8Array, edgeMates: Int32Array): void {
  const queue: number[] = [];
  sampled.forEach((mark, triangle) => mark && queue.push(triangle));
  for (let head = 0; head < queue.length; head++) {
    const triangle = queue[head]!;
    for (let side = 0; side < 3; side++) {
      const next = Math.floor(edgeMates[triangle * 3 + side]! / 3);
      if (sampled[next]) continue;
      sampled[next] = 1;
      thicknessMm[next] = thicknessMm[triangle]!;
      queue.push(next);
    }
  }
}

/** A wall map with every `stride`-th triangle measured (each its own value) and the rest unknown. */
function sampledMap(triangleCount: number, stride: number, from: number, to: number) {
  const thicknessMm = new Float32Array(triangleCount).fill(Number.NaN);
  const sampled = new Uint8Array(triangleCount);
  for (let triangle = from; triangle < to; triangle += stride) {
    sampled[triangle] = 1;
    thicknessMm[triangle] = 1 + triangle / 100;
  }
  return { thicknessMm, sampled };
}

describe("fillWallThicknessAcrossMates", () => {
  const indices = shuffledTorus(90, 40, 7);
  const triangleCount = indices.length / 3;
  const edgeMates = closedMeshMates(indices, 90 * 40)!;

  it.each([
    ["every 3rd triangle", 3, 0, triangleCount],
    ["every 40th triangle", 40, 0, triangleCount],
    ["three triangles among the first hundred", 33, 0, 100],
  ])("gives every triangle the value the queue gives it (%s sampled)", (_, stride, from, to) => {
    const expected = sampledMap(triangleCount, stride, from, to);
    fillWithQueue(expected.thicknessMm, expected.sampled, edgeMates);
    for (const largestKey of [undefined, 2 ** 12]) {
      const actual = sampledMap(triangleCount, stride, from, to);
      fillWallThicknessAcrossMates(actual.thicknessMm, actual.sampled, edgeMates, largestKey);
      expect(actual.thicknessMm).toEqual(expected.thicknessMm);
      expect(actual.sampled).toEqual(expected.sampled);
    }
    // Many different values reached every triangle: a fill that copied one value would not pass.
    expect(new Set(expected.thicknessMm).size).toBeGreaterThan(2);
    expect(expected.thicknessMm.some(Number.isNaN)).toBe(false);
  });
});
