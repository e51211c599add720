import { nextPowerOfTwo } from "../analysis/weld-vertices";
import { scratchFloat64Array, scratchInt32Array, scratchUint32Array } from "../analysis/scratch-arrays";

const headerBytes = 84;
const triangleBytes = 50;
const normalBytes = 12;
const exponentBits = 0x7f800000;
// Bit patterns are kept as signed 32-bit integers throughout (| 0, an Int32Array): as unsigned ones,
// every negative coordinate's bits exceed the small-integer range and the compiled loop falls back
// ("lost precision") and is compiled again, several times in a process's first files.
// A coordinate closer to zero than 2^-40 (~9e-13) is read as 0: exporters (SolidWorks among them) write a
// corner on a plane through the origin as 0 in one triangle and as rounding noise such as 2.4e-18 (or -0)
// in its neighbour, which left the seams open. Its bits below this bound, sign cleared.
const negligibleMagnitudeBits = (127 - 40) << 23;
const nanBits = 0x7fc00000;
// 256 KB (16 bytes an entry): stays in the core's L2 cache and holds the vertices of a few rows of a fine mesh.
const recentSize = 16384;
// A recent entry is chosen by the top 14 bits of the first three mixing steps (`mixCornerBits`): most
// corners are found there, and pay for the last step only when they go on to the large table.
const recentShift = 32 - Math.log2(recentSize);

/** A binary STL's triangles with bit-identical corners sharing one vertex, or `undefined` when a
 * coordinate is not a number (NaN or infinite). */
export type WeldedStlTriangles = { positions: Float64Array; indices: Uint32Array } | undefined;

/**
 * Reads the corners of a binary STL's triangles and welds them in the same pass: the float32 bits of
 * each corner are hashed straight from the file, so no 9-numbers-per-triangle array is made and welded
 * afterwards. The result is exactly what `weldVertices` gives for the unwelded corners (same vertex
 * order: first use; -0 and coordinates within 2^-40 of zero read as 0, as analysis does before welding), because float32 → float64 is exact
 * and one-to-one. Memory: the file's bytes, ~12 bytes per distinct vertex, 12 per triangle, a hash table
 * of 4 bytes × about twice the triangle count (grown when a mesh has more distinct vertices than that)
 * and its bitmap of taken slots.
 */
export function weldBinaryStlCorners(
  bytes: Uint8Array,
  triangleCount: number,
  /**
   * The triangles' `indices` and `positions` are working arrays kept for the next file (`scratchUint32Array`):
   * valid until the next weld asked for the same (`analyzeFile`, which reads them before it returns).
   */
  inScratch = false,
): WeldedStlTriangles {
  // Each coordinate's bits as a little-endian signed 32-bit integer, read through a DataView: compiled,
  // one load per coordinate at any alignment (decision 0121: ~15 % less CPU for the weld than two 16-bit
  // words joined, on Node 20), and no copy for a file whose bytes start at an odd offset.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const indices = inScratch
    ? scratchUint32Array("welded triangle corners", triangleCount * 3)
    : new Uint32Array(triangleCount * 3);
  // A closed mesh has about half as many vertices as triangles; start there and grow when needed.
  let capacity = nextPowerOfTwo(Math.max(64, triangleCount * 2));
  let mask = capacity - 1;
  // The large table's slots hold vertex numbers; which slots are taken is kept apart in a bitmap of 1 bit
  // per slot (256 KB for a million triangles, in the core's L2 cache): half a million first uses each find
  // their slot free there, without a cache miss into the large table.
  // Kept from file to file (`scratchInt32Array`): the slots need no clearing, the taken bits say which
  // hold a vertex of this file.
  let slots = scratchInt32Array("weld slots", capacity);
  let taken = scratchInt32Array("weld taken slots", capacity >>> 5).fill(0);
  let vertexBits = scratchInt32Array("weld vertex bits", Math.max(48, Math.ceil(triangleCount * 1.5)) * 3);
  let vertexCount = 0;
  // Neighbouring triangles share corners: a small table of recent vertices (cache-resident) answers
  // most look-ups before the large one is touched. Each entry holds the corner's bits beside its vertex
  // (x, y, z, vertex), so a hit reads one cache line and nothing else. The x of an empty entry is a NaN
  // pattern, which no corner has (those are refused), so it never matches.
  const recent = scratchInt32Array("weld recent vertices", recentSize * 4);
  for (let entry = 0; entry < recentSize; entry++) recent[entry * 4] = nanBits;

  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const record = headerBytes + triangle * triangleBytes + normalBytes;
    for (let corner = 0; corner < 3; corner++) {
      const offset = record + corner * 12;
      let x = view.getInt32(offset, true);
      let y = view.getInt32(offset + 4, true);
      let z = view.getInt32(offset + 8, true);
      if ((x & exponentBits) === exponentBits || (y & exponentBits) === exponentBits) return undefined;
      if ((z & exponentBits) === exponentBits) return undefined;
      if ((x & 0x7fffffff) < negligibleMagnitudeBits) x = 0;
      if ((y & 0x7fffffff) < negligibleMagnitudeBits) y = 0;
      if ((z & 0x7fffffff) < negligibleMagnitudeBits) z = 0;
      const mixed = mixCornerBits(x, y, z);
      const recentEntry = (mixed >>> recentShift) * 4;
      let vertex = -1;
      if (recent[recentEntry] === x && recent[recentEntry + 1] === y && recent[recentEntry + 2] === z) {
        vertex = recent[recentEntry + 3]!;
      } else {
        let slot = finishCornerHash(mixed) & mask;
        for (;;) {
          if ((taken[slot >>> 5]! & (1 << (slot & 31))) === 0) break;
          const occupant = slots[slot]!;
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
            const grown = new Int32Array(vertexBits.length * 2);
            grown.set(vertexBits);
            vertexBits = grown;
          }
          vertexBits[vertex * 3] = x;
          vertexBits[vertex * 3 + 1] = y;
          vertexBits[vertex * 3 + 2] = z;
          slots[slot] = vertex;
          taken[slot >>> 5]! |= 1 << (slot & 31);
          // Keep the table at most half full so probes stay short.
          if (vertexCount * 2 > capacity) {
            capacity *= 2;
            mask = capacity - 1;
            slots = new Int32Array(capacity);
            taken = new Int32Array(capacity >>> 5);
            rehash(vertexBits, vertexCount, slots, taken);
          }
        }
        recent[recentEntry] = x;
        recent[recentEntry + 1] = y;
        recent[recentEntry + 2] = z;
        recent[recentEntry + 3] = vertex;
      }
      indices[triangle * 3 + corner] = vertex;
    }
  }
  // float32 → float64 in a loop: the typed-array constructor from another element type took ~7 ns a value.
  const floats = new Float32Array(vertexBits.buffer, 0, vertexCount * 3);
  const positions = inScratch
    ? scratchFloat64Array("welded vertex positions", floats.length)
    : new Float64Array(floats.length);
  for (let index = 0; index < floats.length; index++) positions[index] = floats[index]!;
  return { positions, indices };
}

/** Puts every vertex so far into emptied, larger slots and taken-bits arrays. */
function rehash(vertexBits: Int32Array, vertexCount: number, slots: Int32Array, taken: Int32Array): void {
  const mask = slots.length - 1;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const base = vertex * 3;
    let slot = hashBits(vertexBits[base]!, vertexBits[base + 1]!, vertexBits[base + 2]!) & mask;
    while ((taken[slot >>> 5]! & (1 << (slot & 31))) !== 0) slot = (slot + 1) & mask;
    slots[slot] = vertex;
    taken[slot >>> 5]! |= 1 << (slot & 31);
  }
}

/**
 * Mixes a corner's three float32 bit patterns into a slot hash, each word mixed before the next joins.
 * (A plain sum of products cancels out on symmetric parts: (x, y, z) and (−x, −y, z) differ only in the
 * sign bits, whose products differ only in bit 31, so they hashed alike and the probes ran long.)
 */
function hashBits(x: number, y: number, z: number): number {
  return finishCornerHash(mixCornerBits(x, y, z));
}

/** The first three steps of `hashBits`: its top bits already depend on every bit of the corner. */
function mixCornerBits(x: number, y: number, z: number): number {
  let hash = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13) ^ y, 0xc2b2ae35);
  return Math.imul(hash ^ (hash >>> 16) ^ z, 0x9e3779b1);
}

/** The last step of `hashBits`, which spreads the mixed bits down to the low ones a slot is taken from. */
function finishCornerHash(mixed: number): number {
  const hash = Math.imul(mixed ^ (mixed >>> 15), 0x85ebca6b);
  return hash ^ (hash >>> 16);
}
