import { scratchInt32Array, scratchUint8Array } from "./scratch-arrays";

/** Keys stay exact integers in a float64 below this; a level whose keys would pass it is renumbered. */
const largestExactKey = 2 ** 52;

/**
 * The breadth-first fill of a closed mesh's unsampled triangles (each takes the value of the triangle
 * that reaches it first, the queue holding the sampled triangles in triangle order and each triangle's
 * neighbours across its sides in side order), computed level by level in triangle order.
 *
 * A queue visits each level in the order its triangles were reached, which on a mesh of 1 M triangles
 * and 25,000 samples jumps across all of memory a dozen times (~80 ms of cache misses on the torus).
 * Here each level is a list in triangle order, and a triangle's place in the queue is kept as a key:
 * a sampled triangle's key is its place among the samples, and a triangle reached from `parent` across
 * its side `side` gets `key(parent) × 3 + side`. The queue's order within a level is exactly the order
 * of these keys (the queue orders a level by its parents' places, then by side), so the triangle that
 * reaches another first in the queue is the one offering it the least key: every triangle takes the
 * same value as from the queue, bit for bit.
 *
 * `sampled` marks the triangles holding a value (1) and is left marking every reached triangle.
 * `largestKey` is for tests: a level whose keys could pass it is renumbered first.
 */
export function fillWallThicknessAcrossMates(
  thicknessMm: Float32Array,
  sampled: Uint8Array,
  edgeMates: Int32Array,
  largestKey = largestExactKey,
): void {
  const count = thicknessMm.length;
  // 0: not reached; 1: reached on an earlier level; 2: reached on this level (its key may still drop).
  const state = sampled;
  // Working arrays shared with the Morton sort and the wall summary, which never run during a fill.
  const keys = new Float64Array(scratchUint8Array("triangle doubles", count * 8).buffer, 0, count);
  let level = scratchInt32Array("triangle words 1", count);
  let next = scratchInt32Array("triangle words 2", count);
  // One bit per triangle reached on this level, read out in triangle order for the next level's list.
  const reached = scratchInt32Array("wall fill reached", (count + 31) >>> 5).fill(0);
  let size = 0;
  for (let triangle = 0; triangle < count; triangle++) {
    if (!state[triangle]) continue;
    keys[triangle] = size;
    level[size++] = triangle;
  }
  // Every key of the current level is below this.
  let keyBound = size;
  while (size > 0) {
    if (keyBound * 3 > largestKey) keyBound = renumber(keys, level, size);
    let first = count;
    let last = -1;
    for (let index = 0; index < size; index++) {
      const parent = level[index]!;
      const base = keys[parent]! * 3;
      const value = thicknessMm[parent]!;
      for (let side = 0; side < 3; side++) {
        const triangle = (edgeMates[parent * 3 + side]! / 3) | 0;
        const seen = state[triangle]!;
        if (seen === 1) continue;
        const key = base + side;
        if (seen === 0) {
          state[triangle] = 2;
          keys[triangle] = key;
          thicknessMm[triangle] = value;
          reached[triangle >>> 5]! |= 1 << (triangle & 31);
          if (triangle < first) first = triangle;
          if (triangle > last) last = triangle;
        } else if (key < keys[triangle]!) {
          keys[triangle] = key;
          thicknessMm[triangle] = value;
        }
      }
    }
    size = 0;
    for (let word = first >>> 5; last >= 0 && word <= last >>> 5; word++) {
      let bits = reached[word]!;
      if (bits === 0) continue;
      reached[word] = 0;
      while (bits !== 0) {
        const triangle = word * 32 + 31 - Math.clz32(bits & -bits);
        next[size++] = triangle;
        state[triangle] = 1;
        bits &= bits - 1;
      }
    }
    [level, next] = [next, level];
    keyBound *= 3;
  }
}

/** Replaces the level's keys by their ranks (same order, all below `size`); returns the new bound. */
function renumber(keys: Float64Array, level: Int32Array, size: number): number {
  const sorted = new Float64Array(size);
  for (let index = 0; index < size; index++) sorted[index] = keys[level[index]!]!;
  sorted.sort();
  for (let index = 0; index < size; index++) {
    const key = keys[level[index]!]!;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < key) low = middle + 1;
      else high = middle;
    }
    keys[level[index]!] = low;
  }
  return size;
}
