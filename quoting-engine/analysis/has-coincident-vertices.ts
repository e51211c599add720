import { nextPowerOfTwo } from "./weld-vertices";
import { scratchInt32Array } from "./scratch-arrays";

/** Vertices per bucket, about: a bucket's table (16 bytes a vertex) stays in the processor's cache. */
const bucketVertices = 8192;

/**
 * Whether two vertices of a float32 mesh lie on the same point (x, y and z equal as numbers, so 0 and −0
 * are one point, NaN none): when none do, `weldVertices` keeps every vertex, numbered as it was, and a
 * caller can skip it. Equal points hash alike, so the vertices are first put in buckets by their hash's
 * high bits (two passes, in vertex order) and each bucket then goes through an open-addressing table of
 * its own small enough for the cache (one table over half a million vertices missed it at every step).
 * A full slot is told apart by its stored hash, mostly without reading the other vertex.
 */
export function hasCoincidentVertices(positions: Float32Array): boolean {
  const vertexCount = (positions.length / 3) | 0;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, vertexCount * 3);
  const bucketCount = nextPowerOfTwo(Math.ceil(vertexCount / bucketVertices));
  // Buckets by the hash's high bits (one bucket: shift 32, which `>>>` takes as 0: masked below).
  const bucketShift = 32 - Math.log2(bucketCount);
  const bucketMask = bucketCount - 1;
  const bucketStart = new Int32Array(bucketCount + 1);
  // Each vertex hashed once (kept working arrays: fresh, their pages cost a third of this step).
  const hashes = scratchInt32Array("coincidence hashes", vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const hash = vertexHash(bits, vertex);
    hashes[vertex] = hash;
    bucketStart[((hash >>> bucketShift) & bucketMask) + 1]!++;
  }
  let largest = 0;
  for (let bucket = 0; bucket < bucketCount; bucket++) {
    largest = Math.max(largest, bucketStart[bucket + 1]!);
    bucketStart[bucket + 1]! += bucketStart[bucket]!;
  }
  const fill = bucketStart.slice(0, bucketCount);
  const bucketed = scratchInt32Array("coincidence buckets", vertexCount * 2);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const hash = hashes[vertex]!;
    const at = fill[(hash >>> bucketShift) & bucketMask]!++ * 2;
    bucketed[at] = vertex;
    bucketed[at + 1] = hash;
  }
  // Slot: the vertex + 1 (0 empty) and its hash side by side.
  const table = new Int32Array(nextPowerOfTwo(Math.max(16, largest * 2)) * 2);
  for (let bucket = 0; bucket < bucketCount; bucket++) {
    const start = bucketStart[bucket]!;
    const end = bucketStart[bucket + 1]!;
    const mask = nextPowerOfTwo(Math.max(16, (end - start) * 2)) - 1;
    table.fill(0, 0, (mask + 1) * 2);
    for (let position = start; position < end; position++) {
      const vertex = bucketed[position * 2]!;
      const hash = bucketed[position * 2 + 1]!;
      const base = vertex * 3;
      let slot = hash & mask;
      for (;;) {
        const occupant = table[slot * 2]!;
        if (occupant === 0) {
          table[slot * 2] = vertex + 1;
          table[slot * 2 + 1] = hash;
          break;
        }
        if (table[slot * 2 + 1] === hash) {
          const other = (occupant - 1) * 3;
          if (
            positions[other] === positions[base] &&
            positions[other + 1] === positions[base + 1] &&
            positions[other + 2] === positions[base + 2]
          )
            return true;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return false;
}

/**
 * The vertex's coordinate bits hashed (FNV-1a), −0 as 0 since it equals 0. A signed 32-bit number: an
 * unsigned one above 2³¹ is no small integer to V8 and was boxed on the heap, one per call.
 */
function vertexHash(bits: Uint32Array, vertex: number): number {
  const base = vertex * 3;
  let hash = -2128831035; // 2166136261 as a signed 32-bit number
  hash = Math.imul(hash ^ (bits[base]! === 0x80000000 ? 0 : bits[base]!), 16777619);
  hash = Math.imul(hash ^ (bits[base + 1]! === 0x80000000 ? 0 : bits[base + 1]!), 16777619);
  hash = Math.imul(hash ^ (bits[base + 2]! === 0x80000000 ? 0 : bits[base + 2]!), 16777619);
  return hash ^ (hash >>> 15);
}
