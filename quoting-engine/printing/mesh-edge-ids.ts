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
 * The same ids from a closed, clean mesh's edge mates (`closedMeshMates`: every half-edge has one): an
 * edge per pair, its triangles in triangle order as `meshEdgeIds` gives them. Edge numbers differ from
 * `meshEdgeIds`'s; the slicing only compares them.
 */
export function meshEdgeIdsFromMates(edgeMates: Int32Array): {
  ids: Int32Array;
  count: number;
  triangles: Int32Array;
} {
  const ids = new Int32Array(edgeMates.length);
  const triangles = new Int32Array(edgeMates.length);
  let count = 0;
  for (let halfEdge = 0; halfEdge < edgeMates.length; halfEdge++) {
    const mate = edgeMates[halfEdge]!;
    if (mate < halfEdge) continue;
    ids[halfEdge] = count;
    ids[mate] = count;
    triangles[count * 2] = (halfEdge / 3) | 0;
    triangles[count * 2 + 1] = (mate / 3) | 0;
    count++;
  }
  return { ids, count, triangles: triangles.subarray(0, count * 2) };
}
