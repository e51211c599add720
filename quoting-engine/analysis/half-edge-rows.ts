import { scratchInt32Array, scratchUint32Array } from "./scratch-arrays";

/** Half-edges grouped by their lower vertex, each row sorted by the higher one (triangle order kept). */
export interface HalfEdgeRows {
  /** Row of vertex v: positions rowStart[v] .. rowStart[v + 1]. */
  rowStart: Int32Array;
  /** Half-edge (triangle · 3 + corner, running corner → corner + 1) at each position. */
  halfEdges: Int32Array;
  /** The half-edge's higher vertex at each position. */
  high: Uint32Array;
}

/** Rows longer than this are sorted natively; shorter ones (almost all: ~6 per vertex) by insertion. */
const shortRow = 48;

/**
 * Puts the half-edges of an indexed mesh in compressed rows by their lower vertex (counting, then
 * filling in triangle order) and sorts each row by the higher vertex, stably: the half-edges of one edge
 * end up next to each other in triangle order. No hashing, so millions of edges take two linear passes
 * over short, cache-resident rows. `skip` leaves out triangles (e.g. collapsed ones). With `inScratch`, the
 * rows are working arrays kept for the next mesh (`scratchInt32Array`): valid only until the next call
 * that asks for them so.
 */
export function halfEdgeRows(
  indices: Uint32Array,
  vertexCount: number,
  skip?: Uint8Array,
  inScratch = false,
): HalfEdgeRows {
  const triangleCount = indices.length / 3;
  const rowStart = inScratch
    ? scratchInt32Array("half-edge row starts", vertexCount + 1).fill(0)
    : new Int32Array(vertexCount + 1);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    if (skip?.[triangle]) continue;
    const a = indices[triangle * 3]!;
    const b = indices[triangle * 3 + 1]!;
    const c = indices[triangle * 3 + 2]!;
    rowStart[(a < b ? a : b) + 1]!++;
    rowStart[(b < c ? b : c) + 1]!++;
    rowStart[(c < a ? c : a) + 1]!++;
  }
  for (let vertex = 0; vertex < vertexCount; vertex++) rowStart[vertex + 1]! += rowStart[vertex]!;
  const halfEdgeCount = rowStart[vertexCount]!;
  const fill = inScratch ? scratchInt32Array("half-edge row fill", vertexCount) : new Int32Array(vertexCount);
  fill.set(rowStart.subarray(0, vertexCount));
  const halfEdges = inScratch
    ? scratchInt32Array("half-edges by row", halfEdgeCount)
    : new Int32Array(halfEdgeCount);
  const high = inScratch
    ? scratchUint32Array("half-edge high vertices", halfEdgeCount)
    : new Uint32Array(halfEdgeCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    if (skip?.[triangle]) continue;
    // The three sides (a → b, b → c, c → a) written out: each corner read once, no branch per side
    // (decision 0121: ~15 % less CPU for this step).
    const halfEdge = triangle * 3;
    const a = indices[halfEdge]!;
    const b = indices[halfEdge + 1]!;
    const c = indices[halfEdge + 2]!;
    let position = fill[a < b ? a : b]!++;
    halfEdges[position] = halfEdge;
    high[position] = a < b ? b : a;
    position = fill[b < c ? b : c]!++;
    halfEdges[position] = halfEdge + 1;
    high[position] = b < c ? c : b;
    position = fill[c < a ? c : a]!++;
    halfEdges[position] = halfEdge + 2;
    high[position] = c < a ? a : c;
  }
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    if (rowStart[vertex + 1]! - rowStart[vertex]! > 1)
      sortRow(high, halfEdges, rowStart[vertex]!, rowStart[vertex + 1]!);
  }
  return { rowStart, halfEdges, high };
}

/** Sorts one row by higher vertex, keeping triangle order among equal ones (stable). */
function sortRow(high: Uint32Array, halfEdges: Int32Array, start: number, end: number): void {
  if (end - start <= shortRow) {
    for (let position = start + 1; position < end; position++) {
      const key = high[position]!;
      const halfEdge = halfEdges[position]!;
      let before = position - 1;
      while (before >= start && high[before]! > key) {
        high[before + 1] = high[before]!;
        halfEdges[before + 1] = halfEdges[before]!;
        before--;
      }
      high[before + 1] = key;
      halfEdges[before + 1] = halfEdge;
    }
    return;
  }
  // A vertex at the centre of a large fan: sort (higher vertex, half-edge) pairs packed in one number.
  const keys = new Float64Array(end - start);
  for (let position = start; position < end; position++)
    keys[position - start] = high[position]! * 2 ** 26 + halfEdges[position]!;
  keys.sort();
  for (let position = start; position < end; position++) {
    const key = keys[position - start]!;
    high[position] = Math.floor(key / 2 ** 26);
    halfEdges[position] = key - high[position]! * 2 ** 26;
  }
}
