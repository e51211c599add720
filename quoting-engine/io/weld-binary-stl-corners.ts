import { nextPowerOfTwo } from "../analysis/weld-vertices";

const headerBytes = 84;
const triangleBytes = 50;
const normalBytes = 12;
const exponentBits = 0x7f800000;
const negativeZeroBits = 0x80000000;
// 64 KB: stays in the core's L2 cache and holds the vertices of a few rows of a fine mesh.
const recentSize = 16384;
const recentMask = recentSize - 1;

/** A binary STL's triangles with bit-identical corners sharing one vertex, or `undefined` when a
 * coordinate is not a number (NaN or infinite). */
export type WeldedStlTriangles = { positions: Float64Array; indices: Uint32Array } | undefined;

/**
 * Reads the corners of a binary STL's triangles and welds them in the same pass: the float32 bits of
 * each corner are hashed straight from the file, so no 9-numbers-per-triangle array is made and welded
 * afterwards. The result is exactly what `weldVertices` gives for the unwelded corners (same vertex
 * order: first use; -0 read as 0, as analysis does before welding), because float32 → float64 is exact
 * and one-to-one. Memory: the file's bytes, ~12 bytes per distinct vertex, 12 per triangle, a hash table
 * of 4 bytes × about twice the triangle count (grown when a mesh has more distinct vertices than that).
 */
export function weldBinaryStlCorners(bytes: Uint8Array, triangleCount: number): WeldedStlTriangles {
  // Every coordinate starts at an even byte (84 + 50·t + 12 + 4·k), so it is two 16-bit words: read
  // through a Uint16Array (little-endian, as STL and every platform Node runs on), faster than DataView.
  const words = littleEndianWords(bytes);
  const indices = new Uint32Array(triangleCount * 3);
  // A closed mesh has about half as many vertices as triangles; start there and grow when needed.
  let capacity = nextPowerOfTwo(Math.max(16, triangleCount * 2));
  let mask = capacity - 1;
  let slots: Int32Array = new Int32Array(capacity).fill(-1);
  let vertexBits = new Uint32Array(Math.max(48, Math.ceil(triangleCount * 1.5)) * 3);
  let vertexCount = 0;
  const recent = new Int32Array(recentSize).fill(-1);

  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const record = headerBytes + triangle * triangleBytes + normalBytes;
    for (let corner = 0; corner < 3; corner++) {
      const offset = record + corner * 12;
      const word = offset >> 1;
      let x = (words[word]! | (words[word + 1]! << 16)) >>> 0;
      let y = (words[word + 2]! | (words[word + 3]! << 16)) >>> 0;
      let z = (words[word + 4]! | (words[word + 5]! << 16)) >>> 0;
      if ((x & exponentBits) === exponentBits || (y & exponentBits) === exponentBits) return undefined;
      if ((z & exponentBits) === exponentBits) return undefined;
      if (x === negativeZeroBits) x = 0;
      if (y === negativeZeroBits) y = 0;
      if (z === negativeZeroBits) z = 0;
      const hash = hashBits(x, y, z);
      // Neighbouring triangles share corners: a small table of recent vertices (cache-resident) answers
      // most look-ups before the large one is touched.
      const recentSlot = hash & recentMask;
      let vertex = recent[recentSlot]!;
      if (
        vertex !== -1 &&
        vertexBits[vertex * 3] === x &&
        vertexBits[vertex * 3 + 1] === y &&
        vertexBits[vertex * 3 + 2] === z
      ) {
        indices[triangle * 3 + corner] = vertex;
        continue;
      }
      let slot = hash & mask;
      vertex = -1;
      for (;;) {
        const occupant = slots[slot]!;
        if (occupant === -1) break;
        const base = occupant * 3;
        if (vertexBits[base] === x && vertexBits[base + 1] === y && vertexBits[base + 2] === z) {
          vertex = occupant;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (vertex === -1) {
        vertex = vertexCount++;
        if (vertex * 3 + 3 > vertexBits.length) {
          const grown = new Uint32Array(vertexBits.length * 2);
          grown.set(vertexBits);
          vertexBits = grown;
        }
        vertexBits[vertex * 3] = x;
        vertexBits[vertex * 3 + 1] = y;
        vertexBits[vertex * 3 + 2] = z;
        slots[slot] = vertex;
        // Keep the table at most half full so probes stay short.
        if (vertexCount * 2 > capacity) {
          capacity *= 2;
          mask = capacity - 1;
          slots = rehash(vertexBits, vertexCount, capacity);
        }
      }
      recent[recentSlot] = vertex;
      indices[triangle * 3 + corner] = vertex;
    }
  }
  const positions = new Float64Array(new Float32Array(vertexBits.buffer, 0, vertexCount * 3));
  return { positions, indices };
}

const littleEndianPlatform = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes as little-endian 16-bit words (a copy only when unaligned or on a big-endian platform). */
function littleEndianWords(bytes: Uint8Array): Uint16Array {
  if (littleEndianPlatform && bytes.byteOffset % 2 === 0)
    return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  const copy = bytes.slice(0, bytes.byteLength & ~1);
  if (!littleEndianPlatform)
    for (let index = 0; index < copy.length; index += 2) {
      const low = copy[index]!;
      copy[index] = copy[index + 1]!;
      copy[index + 1] = low;
    }
  return new Uint16Array(copy.buffer);
}

function rehash(vertexBits: Uint32Array, vertexCount: number, capacity: number): Int32Array {
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const base = vertex * 3;
    let slot = hashBits(vertexBits[base]!, vertexBits[base + 1]!, vertexBits[base + 2]!) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = vertex;
  }
  return slots;
}

/**
 * Mixes a corner's three float32 bit patterns into a slot hash, each word mixed before the next joins.
 * (A plain sum of products cancels out on symmetric parts: (x, y, z) and (−x, −y, z) differ only in the
 * sign bits, whose products differ only in bit 31, so they hashed alike and the probes ran long.)
 */
function hashBits(x: number, y: number, z: number): number {
  let hash = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ y, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 16) ^ z, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
  return hash ^ (hash >>> 16);
}
