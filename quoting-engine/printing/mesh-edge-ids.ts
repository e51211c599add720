/**
 * Ids for the mesh's edges (three per triangle), shared by the two triangles on an edge. Half-edges are
 * bucketed by their lower vertex (a counting sort) and matched within the bucket (a handful each):
 * two sequential passes, where a hash table over all edges was the slicing's slowest step (random
 * access into a table of a million slots for 3DBenchy).
 */
export function meshEdgeIds(
  indices: ArrayLike<number>,
  triangleCount: number,
): { ids: Int32Array; count: number; triangles: Int32Array } {
  const halfEdges = triangleCount * 3;
  let vertexCount = 0;
  for (let h = 0; h < halfEdges; h++) if (indices[h]! >= vertexCount) vertexCount = indices[h]! + 1;
  const start = new Int32Array(vertexCount + 1);
  for (let t = 0; t < halfEdges; t += 3) {
    const a = indices[t]!;
    const b = indices[t + 1]!;
    const c = indices[t + 2]!;
    start[(a < b ? a : b) + 1]!++;
    start[(b < c ? b : c) + 1]!++;
    start[(c < a ? c : a) + 1]!++;
  }
  for (let v = 0; v < vertexCount; v++) start[v + 1]! += start[v]!;
  const other = new Int32Array(halfEdges);
  const which = new Int32Array(halfEdges);
  const cursor = start.slice(0, vertexCount);
  const place = (p: number, q: number, h: number): void => {
    const slot = cursor[p < q ? p : q]!++;
    other[slot] = p < q ? q : p;
    which[slot] = h;
  };
  for (let t = 0; t < halfEdges; t += 3) {
    const a = indices[t]!;
    const b = indices[t + 1]!;
    const c = indices[t + 2]!;
    place(a, b, t);
    place(b, c, t + 1);
    place(c, a, t + 2);
  }
  const ids = new Int32Array(halfEdges);
  const triangles = new Int32Array(halfEdges * 2).fill(-1); // edge -> up to two triangles
  let count = 0;
  for (let v = 0; v < vertexCount; v++) {
    const from = start[v]!;
    const to = start[v + 1]!;
    for (let k = from; k < to; k++) {
      const b = other[k]!;
      let edge = -1;
      for (let j = from; j < k; j++)
        if (other[j] === b) {
          edge = ids[which[j]!]!;
          break;
        }
      if (edge < 0) edge = count++;
      const h = which[k]!;
      ids[h] = edge;
      const t = (h - (h % 3)) / 3;
      if (triangles[edge * 2] === -1) triangles[edge * 2] = t;
      else triangles[edge * 2 + 1] = t;
    }
  }
  return { ids, count, triangles };
}

/**
 * Each half-edge's mate (the other triangle's half-edge on the same edge) from `meshEdgeIds`' ids, when
 * every edge joins exactly two different triangles; `undefined` otherwise (open, shared by three or more,
 * or a collapsed triangle). The slicing's joins only need the triangle across each side: unlike
 * `closedMeshMates` it does not ask for consistent winding or distinct triangles.
 */
export function edgeMatesFromIds(edges: {
  ids: Int32Array;
  count: number;
  triangles: Int32Array;
}): Int32Array | undefined {
  const { ids, count, triangles } = edges;
  const uses = new Uint8Array(count);
  for (let halfEdge = 0; halfEdge < ids.length; halfEdge++) {
    const e = ids[halfEdge]!;
    if (uses[e]! >= 2) return undefined;
    uses[e]!++;
  }
  const mates = new Int32Array(ids.length);
  for (let halfEdge = 0; halfEdge < ids.length; halfEdge++) {
    const e = ids[halfEdge]!;
    const t = (halfEdge / 3) | 0;
    const first = triangles[e * 2]!;
    const other = first === t ? triangles[e * 2 + 1]! : first;
    if (uses[e] !== 2 || other === t || other < 0) return undefined;
    const k = ids[other * 3] === e ? 0 : ids[other * 3 + 1] === e ? 1 : 2;
    mates[halfEdge] = other * 3 + k;
  }
  return mates;
}
