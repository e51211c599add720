export interface WeldedMesh {
  /** x, y, z per unique vertex, millimetres. */
  positions: Float64Array;
  /** Three indices into `positions` per triangle. */
  indices: Uint32Array;
}

/**
 * Merges vertices with bit-identical coordinates, so triangles that share a corner share an index.
 * Exporters write a shared corner with the same numbers on every triangle, so exact equality is right;
 * near-equal vertices are left apart (they show up as open edges, which analysis reports).
 * Runs in linear time with an open-addressing hash table over the coordinates' bits.
 */
export function weldVertices(positions: Float64Array, indices: Uint32Array): WeldedMesh {
  const vertexCount = positions.length / 3;
  const bits = new Uint32Array(positions.buffer, positions.byteOffset, positions.length * 2);
  const capacity = nextPowerOfTwo(Math.max(16, vertexCount * 2));
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1); // slot -> new vertex index
  const representative = new Uint32Array(vertexCount); // new vertex index -> an old vertex index
  const remap = new Uint32Array(vertexCount);
  let uniqueCount = 0;

  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const base = vertex * 6;
    let hash = 2166136261;
    for (let word = 0; word < 6; word++) hash = Math.imul(hash ^ (bits[base + word] ?? 0), 16777619);
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const occupant = slots[slot] ?? -1;
      if (occupant === -1) {
        slots[slot] = uniqueCount;
        representative[uniqueCount] = vertex;
        remap[vertex] = uniqueCount++;
        break;
      }
      const other = (representative[occupant] ?? 0) * 3;
      const own = vertex * 3;
      if (
        positions[other] === positions[own] &&
        positions[other + 1] === positions[own + 1] &&
        positions[other + 2] === positions[own + 2]
      ) {
        remap[vertex] = occupant;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }

  const welded = new Float64Array(uniqueCount * 3);
  for (let vertex = 0; vertex < uniqueCount; vertex++) {
    const source = (representative[vertex] ?? 0) * 3;
    welded[vertex * 3] = positions[source] ?? 0;
    welded[vertex * 3 + 1] = positions[source + 1] ?? 0;
    welded[vertex * 3 + 2] = positions[source + 2] ?? 0;
  }
  const weldedIndices = new Uint32Array(indices.length);
  for (let corner = 0; corner < indices.length; corner++)
    weldedIndices[corner] = remap[indices[corner] ?? 0] ?? 0;
  return { positions: welded, indices: weldedIndices };
}

export function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) power *= 2;
  return power;
}
