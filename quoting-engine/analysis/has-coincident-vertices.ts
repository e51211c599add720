import { nextPowerOfTwo } from "./weld-vertices";

/**
 * Whether two vertices of a float32 mesh lie on the same point (x, y and z equal as numbers, so 0 and −0
 * are one point, NaN none): when none do, `weldVertices` keeps every vertex, numbered as it was, and a
 * caller can skip it. One pass with an open-addressing table of the coordinates' bits and a second table
 * of their hashes, so a full slot is told apart mostly without reading the other vertex.
 */
export function hasCoincidentVertices(positions: Float32Array): boolean {
  const vertexCount = (positions.length / 3) | 0;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, vertexCount * 3);
  const capacity = nextPowerOfTwo(Math.max(16, vertexCount * 2));
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const hashes = new Uint32Array(capacity);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const base = vertex * 3;
    let hash = 2166136261;
    // −0 hashes as 0, since it equals 0.
    hash = Math.imul(hash ^ (bits[base]! === 0x80000000 ? 0 : bits[base]!), 16777619);
    hash = Math.imul(hash ^ (bits[base + 1]! === 0x80000000 ? 0 : bits[base + 1]!), 16777619);
    hash = Math.imul(hash ^ (bits[base + 2]! === 0x80000000 ? 0 : bits[base + 2]!), 16777619);
    hash = (hash ^ (hash >>> 15)) >>> 0;
    let slot = hash & mask;
    for (;;) {
      const occupant = slots[slot]!;
      if (occupant === -1) {
        slots[slot] = vertex;
        hashes[slot] = hash;
        break;
      }
      if (hashes[slot] === hash) {
        const other = occupant * 3;
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
  return false;
}
