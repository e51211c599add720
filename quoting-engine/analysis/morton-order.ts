import { scratchInt32Array, scratchUint32Array } from "./scratch-arrays";

const mortonBits = 10;

/**
 * Triangles in the order of their centres' Morton codes (10 bits per axis over the centres' box, one
 * cell size for all three axes), the codes in that order and each triangle's place in it: the leaf
 * order of the linear BVH (triangle-bvh.ts). Triangles with equal codes keep their own order. `codes`
 * and `placeOf` are working arrays (scratch-arrays.ts), valid until the next call; `order` is new, or
 * with `keptOrder` a working array of its own too (valid until the next call with it).
 */
export function mortonOrder(
  centroids: Float64Array,
  triangleCount: number,
  keptOrder = false,
): { codes: Uint32Array; order: Int32Array; placeOf: Int32Array } {
  const box = emptyBox(new Float64Array(6));
  for (let triangle = 0; triangle < triangleCount; triangle++)
    extendBox(box, centroids[triangle * 3]!, centroids[triangle * 3 + 1]!, centroids[triangle * 3 + 2]!);
  // One cell size for all three axes, so a split halves the longest side, as a midpoint split would.
  const cells = (1 << mortonBits) - 1;
  const extent = Math.max(box[3]! - box[0]!, box[4]! - box[1]!, box[5]! - box[2]!);
  const scale = extent > 0 ? cells / extent : 0;
  // The codes and both 15-bit digits' counts in one pass; then a least significant digit radix sort
  // (codes have 30 bits), stable, its first pass reading the triangles in their own order.
  const digits = 1 << 15;
  const lowCounts = new Int32Array(digits);
  const highCounts = new Int32Array(digits);
  const codes = scratchUint32Array("morton codes", triangleCount);
  const minX = box[0]!,
    minY = box[1]!,
    minZ = box[2]!;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const x = Math.min(cells, Math.floor((centroids[triangle * 3]! - minX) * scale));
    const y = Math.min(cells, Math.floor((centroids[triangle * 3 + 1]! - minY) * scale));
    const z = Math.min(cells, Math.floor((centroids[triangle * 3 + 2]! - minZ) * scale));
    const code = ((spreadBits[x]! << 2) | (spreadBits[y]! << 1) | spreadBits[z]!) >>> 0;
    codes[triangle] = code;
    lowCounts[code & (digits - 1)]!++;
    highCounts[code >>> 15]!++;
  }
  startsFromCounts(lowCounts);
  startsFromCounts(highCounts);
  // The "triangle words" arrays are shared with the wall steps, which never run during a BVH build.
  const byLowCodes = scratchUint32Array("triangle words 1", triangleCount);
  const byLowOrder = scratchInt32Array("triangle words 2", triangleCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const code = codes[triangle]!;
    const slot = lowCounts[code & (digits - 1)]!++;
    byLowCodes[slot] = code;
    byLowOrder[slot] = triangle;
  }
  // The codes' array is free again: it takes the sorted codes.
  const sorted = codes;
  const order = keptOrder ? scratchInt32Array("morton order", triangleCount) : new Int32Array(triangleCount);
  const placeOf = scratchInt32Array("triangle words 3", triangleCount);
  for (let index = 0; index < triangleCount; index++) {
    const code = byLowCodes[index]!;
    const slot = highCounts[code >>> 15]!++;
    const triangle = byLowOrder[index]!;
    sorted[slot] = code;
    order[slot] = triangle;
    placeOf[triangle] = slot;
  }
  return { codes: sorted, order, placeOf };
}

/** Each count replaced by the sum of the counts before it: where that digit's run starts. */
function startsFromCounts(counts: Int32Array): void {
  let sum = 0;
  for (let digit = 0; digit < counts.length; digit++) {
    const count = counts[digit]!;
    counts[digit] = sum;
    sum += count;
  }
}

/** Min x, y, z then max x, y, z of nothing yet. */
function emptyBox(box: Float64Array): Float64Array {
  box.fill(Infinity, 0, 3);
  box.fill(-Infinity, 3, 6);
  return box;
}

/** Grows the box (min x, y, z, max x, y, z) around the point. */
function extendBox(box: Float64Array, x: number, y: number, z: number): void {
  if (x < box[0]!) box[0] = x;
  if (y < box[1]!) box[1] = y;
  if (z < box[2]!) box[2] = z;
  if (x > box[3]!) box[3] = x;
  if (y > box[4]!) box[4] = y;
  if (z > box[5]!) box[5] = z;
}

/** The 10 low bits of `value` spread to every third bit (bit i to bit 3i). */
function spreadBitsOf(value: number): number {
  let bits = value & 0x3ff;
  bits = (bits | (bits << 16)) & 0x030000ff;
  bits = (bits | (bits << 8)) & 0x0300f00f;
  bits = (bits | (bits << 4)) & 0x030c30c3;
  bits = (bits | (bits << 2)) & 0x09249249;
  return bits;
}

/** `spreadBitsOf` of every cell number (0 … 1,023), looked up instead of computed three times per triangle. */
const spreadBits = Uint32Array.from({ length: 1 << mortonBits }, (_, value) => spreadBitsOf(value));
