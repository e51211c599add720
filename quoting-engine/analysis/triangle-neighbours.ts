/** Triangles sharing an edge, in compressed rows: triangle t's neighbours are `neighbours[offsets[t]..offsets[t+1])`. */
export interface TriangleNeighbours {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/**
 * Edge neighbours of every triangle of an indexed (welded) mesh. On a non-manifold edge each further
 * triangle links to the first one that used the edge. Typed arrays throughout: meshes reach millions of
 * triangles.
 */
export function buildTriangleNeighbours(indices: Uint32Array): TriangleNeighbours {
  const triangleCount = indices.length / 3;
  // An open-addressing table of edges (lower vertex, higher vertex) → first triangle: typed arrays, no
  // Map of millions of keys.
  let capacity = 1;
  while (capacity < indices.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const lowOf = new Int32Array(capacity).fill(-1);
  const highOf = new Int32Array(capacity);
  const userOf = new Int32Array(capacity);
  const pairA = new Int32Array(indices.length);
  const pairB = new Int32Array(indices.length);
  let pairs = 0;
  const degree = new Int32Array(triangleCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    for (let corner = 0; corner < 3; corner++) {
      const a = indices[triangle * 3 + corner]!;
      const b = indices[triangle * 3 + ((corner + 1) % 3)]!;
      if (a === b) continue;
      const low = a < b ? a : b;
      const high = a < b ? b : a;
      let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b)) & mask;
      while (lowOf[slot] !== -1 && (lowOf[slot] !== low || highOf[slot] !== high)) slot = (slot + 1) & mask;
      if (lowOf[slot] === -1) {
        lowOf[slot] = low;
        highOf[slot] = high;
        userOf[slot] = triangle;
        continue;
      }
      const other = userOf[slot]!;
      if (other === triangle) continue;
      pairA[pairs] = other;
      pairB[pairs++] = triangle;
      degree[other] = degree[other]! + 1;
      degree[triangle] = degree[triangle]! + 1;
    }
  }
  const offsets = new Int32Array(triangleCount + 1);
  for (let triangle = 0; triangle < triangleCount; triangle++)
    offsets[triangle + 1] = offsets[triangle]! + degree[triangle]!;
  const neighbours = new Int32Array(offsets[triangleCount]!);
  const fill = offsets.slice(0, triangleCount);
  for (let pair = 0; pair < pairs; pair++) {
    const a = pairA[pair]!;
    const b = pairB[pair]!;
    neighbours[fill[a]!] = b;
    fill[a] = fill[a]! + 1;
    neighbours[fill[b]!] = a;
    fill[b] = fill[b]! + 1;
  }
  return { offsets, neighbours };
}
