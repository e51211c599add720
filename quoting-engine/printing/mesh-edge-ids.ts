/** Ids for the mesh's edges (three per triangle), shared by the two triangles on an edge. */
export function meshEdgeIds(
  indices: ArrayLike<number>,
  triangleCount: number,
): { ids: Int32Array; count: number; triangles: Int32Array } {
  const capacity = nextPowerOfTwo(Math.max(16, triangleCount * 4));
  const mask = capacity - 1;
  const keysA = new Int32Array(capacity).fill(-1);
  const keysB = new Int32Array(capacity);
  const values = new Int32Array(capacity);
  const ids = new Int32Array(triangleCount * 3);
  const triangles = new Int32Array(triangleCount * 3 * 2).fill(-1); // edge -> up to two triangles
  let count = 0;
  for (let t = 0; t < triangleCount; t++) {
    for (let k = 0; k < 3; k++) {
      const p = indices[t * 3 + k]!;
      const q = indices[t * 3 + ((k + 1) % 3)]!;
      const a = Math.min(p, q);
      const b = Math.max(p, q);
      let hash = Math.imul(a, 0x9e3779b1) ^ b;
      hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
      let slot = (hash ^ (hash >>> 13)) & mask;
      for (;;) {
        if (keysA[slot] === -1) {
          keysA[slot] = a;
          keysB[slot] = b;
          values[slot] = count++;
          break;
        }
        if (keysA[slot] === a && keysB[slot] === b) break;
        slot = (slot + 1) & mask;
      }
      const edge = values[slot]!;
      ids[t * 3 + k] = edge;
      if (triangles[edge * 2] === -1) triangles[edge * 2] = t;
      else triangles[edge * 2 + 1] = t;
    }
  }
  return { ids, count, triangles };
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
