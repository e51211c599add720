import { halfEdgeRows, type HalfEdgeRows } from "./half-edge-rows";
import { scratchInt32Array } from "./scratch-arrays";

/** The edges of a welded triangle mesh, numbered from its half-edges (triangle · 3 + corner). */
export interface MeshEdgeTable {
  count: number;
  /**
   * Edge of each half-edge, -1 for a half-edge of a collapsed triangle. Numbered when first read: only
   * a mesh with open or shared edges needs it (a closed, clean mesh never does).
   */
  readonly edgeOfHalfEdge: Int32Array;
  /** The other half-edge of an edge that exactly two triangles use, else -1 (open or shared by more). */
  mate: Int32Array;
  /** Per triangle: two or three corners on one vertex (no edges). */
  degenerate: Uint8Array;
  degenerateCount: number;
  /** Edges used by more than two triangles. */
  sharedEdgeCount: number;
  /** Edges used by one triangle only. */
  openEdgeCount: number;
  /**
   * Two triangles on the same three vertices (a repeated triangle, or a coincident pair facing opposite
   * ways): what `dropBadTriangles` removes. With none of these and no collapsed triangle, it removes
   * nothing, so it need not run.
   */
  hasCoincidentTriangles: boolean;
}

/**
 * Numbers the edges of a welded mesh without hashing (`halfEdgeRows`: within a row of the lower vertex,
 * the half-edges with the same higher vertex are one edge), pairs each two-triangle edge's half-edges,
 * and notes in the same pass what the repairs would have to do (collapsed, coincident triangles; open
 * and shared edges), so a clean mesh skips them. Edge numbers follow the vertices; nothing depends on
 * their order.
 */
export function buildMeshEdgeTable(
  indices: Uint32Array,
  vertexCount: number,
  /** `mate` is a working array kept for the next mesh (`scratchInt32Array`): read it before the next such table. */
  mateInScratch = false,
): MeshEdgeTable {
  const triangleCount = indices.length / 3;
  const halfEdgeCount = triangleCount * 3;
  const degenerate = new Uint8Array(triangleCount);
  let degenerateCount = 0;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3]!;
    const b = indices[triangle * 3 + 1]!;
    const c = indices[triangle * 3 + 2]!;
    if (a === b || b === c || c === a) {
      degenerate[triangle] = 1;
      degenerateCount++;
    }
  }
  const skip = degenerateCount > 0 ? degenerate : undefined;
  // The rows are working arrays kept for the next mesh: what is needed from them is read before returning.
  const rows = halfEdgeRows(indices, vertexCount, skip, true);
  const mate = mateInScratch
    ? scratchInt32Array("half-edge mates", halfEdgeCount)
    : new Int32Array(halfEdgeCount);
  // Without collapsed triangles every half-edge has a place in the rows, and the pass below writes each
  // one's mate (-1 where it has none): no clearing pass over the array first (decision 0121).
  if (skip) mate.fill(-1);
  const { rowStart, halfEdges, high } = rows;
  let count = 0;
  let sharedEdgeCount = 0;
  let openEdgeCount = 0;
  let hasCoincidentTriangles = false;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const end = rowStart[vertex + 1]!;
    let position = rowStart[vertex]!;
    while (position < end) {
      // One edge: the run of positions with the same higher vertex.
      const to = high[position]!;
      let runEnd = position + 1;
      while (runEnd < end && high[runEnd] === to) runEnd++;
      count++;
      const uses = runEnd - position;
      if (uses === 1) {
        openEdgeCount++;
        mate[halfEdges[position]!] = -1;
      } else if (uses === 2) {
        mate[halfEdges[position]!] = halfEdges[position + 1]!;
        mate[halfEdges[position + 1]!] = halfEdges[position]!;
      } else {
        for (let shared = position; shared < runEnd; shared++) mate[halfEdges[shared]!] = -1;
        sharedEdgeCount++;
        if (!hasCoincidentTriangles)
          hasCoincidentTriangles = sameThirdVertex(indices, halfEdges, position, runEnd);
      }
      position = runEnd;
    }
  }
  // Two triangles on the same three vertices share all three edges: an edge of exactly two triangles
  // makes them mates, so one triangle has the other as its mate on two sides, unless both other edges
  // are shared by more triangles, and then the runs above found them. One pass in triangle order instead
  // of reading the opposite corners of every edge's two triangles, scattered over the mesh.
  if (!hasCoincidentTriangles) hasCoincidentTriangles = twoSidesOnOneMate(mate, triangleCount);
  // The body split reads edge numbers of a clean mesh with open or shared edges (to count them per body);
  // anyone else gets them from rows built again.
  let edgeOfHalfEdge =
    (openEdgeCount > 0 || sharedEdgeCount > 0) && degenerateCount === 0 && !hasCoincidentTriangles
      ? numberEdges(rows, vertexCount, halfEdgeCount)
      : undefined;
  return {
    count,
    get edgeOfHalfEdge() {
      edgeOfHalfEdge ??= numberEdges(halfEdgeRows(indices, vertexCount, skip), vertexCount, halfEdgeCount);
      return edgeOfHalfEdge;
    },
    mate,
    degenerate,
    degenerateCount,
    sharedEdgeCount,
    openEdgeCount,
    hasCoincidentTriangles,
  };
}

/** Each half-edge's edge: within a row, the run of positions with the same higher vertex is one edge. */
function numberEdges(rows: HalfEdgeRows, vertexCount: number, halfEdgeCount: number): Int32Array {
  const { rowStart, halfEdges, high } = rows;
  const edgeOfHalfEdge = new Int32Array(halfEdgeCount).fill(-1);
  let edge = -1;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    for (let position = rowStart[vertex]!; position < rowStart[vertex + 1]!; position++) {
      if (position === rowStart[vertex] || high[position] !== high[position - 1]) edge++;
      edgeOfHalfEdge[halfEdges[position]!] = edge;
    }
  }
  return edgeOfHalfEdge;
}

/** Some triangle's mate across two of its sides is one and the same triangle. */
function twoSidesOnOneMate(mate: Int32Array, triangleCount: number): boolean {
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const first = mate[triangle * 3]!;
    const second = mate[triangle * 3 + 1]!;
    const third = mate[triangle * 3 + 2]!;
    const a = first < 0 ? -1 : (first / 3) | 0;
    const b = second < 0 ? -2 : (second / 3) | 0;
    const c = third < 0 ? -3 : (third / 3) | 0;
    if (a === b || b === c || c === a) return true;
  }
  return false;
}

/** Two triangles on one edge with the same corner opposite it have the same three vertices. */
function sameThirdVertex(indices: Uint32Array, halfEdges: Int32Array, start: number, end: number): boolean {
  for (let first = start; first < end; first++) {
    const third = indices[oppositeCorner(halfEdges[first]!)]!;
    for (let second = first + 1; second < end; second++)
      if (indices[oppositeCorner(halfEdges[second]!)] === third) return true;
  }
  return false;
}

/** The corner opposite a half-edge (which runs from corner k to k + 1 of its triangle): corner k + 2. */
function oppositeCorner(halfEdge: number): number {
  const corner = halfEdge % 3;
  return halfEdge - corner + (corner === 0 ? 2 : corner - 1);
}
