/** Edges used by one triangle only, each as its triangle states it (from → to is the triangle's order). */
export interface OpenEdges {
  count: number;
  /** Edges used by more than two triangles: surfaces of touching bodies meeting along one edge. */
  sharedCount: number;
  from: Uint32Array;
  to: Uint32Array;
  triangle: Uint32Array;
  /** Which of the triangle's three edges (0: corner 0→1, 1: 1→2, 2: 2→0). */
  slot: Uint8Array;
}

/**
 * Finds the open edges of a mesh whose shared corners share an index, counting every undirected edge in
 * an open-addressing hash table over typed arrays (linear time; no per-edge objects).
 */
export function findOpenEdges(indices: Uint32Array): OpenEdges {
  const edgeCount = indices.length;
  let capacity = 16;
  while (capacity < edgeCount * 1.2) capacity *= 2; // about 1.5 edges per triangle: half full at most
  const mask = capacity - 1;
  const low = new Uint32Array(capacity);
  const high = new Uint32Array(capacity);
  const uses = new Uint8Array(capacity); // 0 empty, then 1, 2, 3 (three or more)
  const first = new Uint32Array(capacity); // the first corner slot that used the edge
  for (let edge = 0; edge < edgeCount; edge++) {
    const triangle = (edge / 3) | 0;
    const a = indices[edge]!;
    const b = indices[triangle * 3 + ((edge - triangle * 3 + 1) % 3)]!;
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let slot = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca77)) & mask;
    for (;;) {
      const used = uses[slot]!;
      if (used === 0) {
        low[slot] = lo;
        high[slot] = hi;
        uses[slot] = 1;
        first[slot] = edge;
        break;
      }
      if (low[slot] === lo && high[slot] === hi) {
        if (used < 3) uses[slot] = used + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  let openCount = 0;
  let sharedCount = 0;
  for (let slot = 0; slot < capacity; slot++) {
    if (uses[slot] === 1) openCount++;
    else if (uses[slot] === 3) sharedCount++;
  }
  const edges: OpenEdges = {
    count: openCount,
    sharedCount,
    from: new Uint32Array(openCount),
    to: new Uint32Array(openCount),
    triangle: new Uint32Array(openCount),
    slot: new Uint8Array(openCount),
  };
  let write = 0;
  for (let slot = 0; slot < capacity; slot++) {
    if (uses[slot] !== 1) continue;
    const edge = first[slot]!;
    const triangle = (edge / 3) | 0;
    const corner = edge - triangle * 3;
    edges.from[write] = indices[edge]!;
    edges.to[write] = indices[triangle * 3 + ((corner + 1) % 3)]!;
    edges.triangle[write] = triangle;
    edges.slot[write++] = corner;
  }
  return edges;
}

export interface Openings {
  openEdges: number;
  /** Edges where more than two surfaces meet (touching bodies); the mesh cannot say which pairs belong together. */
  sharedEdges: number;
  /** Total length of the open edges. */
  openLengthMm: number;
  /**
   * How far apart the surfaces are where they fail to meet: for each open vertex the distance to the
   * nearest open edge of a surface it does not belong to, the largest of these. A missing face gives
   * the opening's width, two faces that stop short of each other the gap between them.
   */
  widestGapMm: number;
  boundaryVertices: Set<number>;
}

/** Enough samples for a buyer-facing "about" figure; the failure path must stay fast on big files. */
const maxSampledVertices = 1000;
const maxSampledEdges = 20_000;

/** What is still open in a (sewn) mesh: the open edges, their length, and the widest gap. */
export function measureOpenings(
  positions: Float64Array,
  indices: Uint32Array,
  faceIds?: Int32Array,
): Openings {
  const open = findOpenEdges(indices);
  const boundaryVertices = new Set<number>();
  let openLengthMm = 0;
  for (let edge = 0; edge < open.count; edge++) {
    const [a, b] = [open.from[edge]!, open.to[edge]!];
    boundaryVertices.add(a);
    boundaryVertices.add(b);
    openLengthMm += Math.hypot(
      positions[b * 3]! - positions[a * 3]!,
      positions[b * 3 + 1]! - positions[a * 3 + 1]!,
      positions[b * 3 + 2]! - positions[a * 3 + 2]!,
    );
  }
  return {
    openEdges: open.count,
    sharedEdges: open.sharedCount,
    openLengthMm,
    widestGapMm: open.count === 0 ? 0 : widestGap(positions, open, faceIds),
    boundaryVertices,
  };
}

function widestGap(positions: Float64Array, open: OpenEdges, faceIds?: Int32Array): number {
  const faceOf = (edge: number) => (faceIds ? faceIds[open.triangle[edge]!]! : -1);
  const facesOfVertex = new Map<number, number[]>();
  for (let edge = 0; edge < open.count; edge++)
    for (const vertex of [open.from[edge]!, open.to[edge]!]) {
      const list = facesOfVertex.get(vertex);
      if (list) list.push(faceOf(edge));
      else facesOfVertex.set(vertex, [faceOf(edge)]);
    }
  const vertices = [...facesOfVertex.keys()];
  const vertexStride = Math.max(1, Math.ceil(vertices.length / maxSampledVertices));
  const edgeStride = Math.max(1, Math.ceil(open.count / maxSampledEdges));
  let widest = 0;
  for (let index = 0; index < vertices.length; index += vertexStride) {
    const vertex = vertices[index]!;
    const own = facesOfVertex.get(vertex)!;
    const [x, y, z] = [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!];
    let nearest = Infinity;
    for (let edge = 0; edge < open.count; edge += edgeStride) {
      const [a, b] = [open.from[edge]!, open.to[edge]!];
      if (a === vertex || b === vertex) continue;
      // Without face ids every other edge counts; with them, only other surfaces' edges.
      if (faceIds && own.includes(faceOf(edge))) continue;
      nearest = Math.min(nearest, distanceToSegment(positions, a, b, x, y, z));
    }
    if (Number.isFinite(nearest) && nearest > widest) widest = nearest;
  }
  return widest;
}

function distanceToSegment(
  positions: Float64Array,
  a: number,
  b: number,
  x: number,
  y: number,
  z: number,
): number {
  const [ax, ay, az] = [positions[a * 3]!, positions[a * 3 + 1]!, positions[a * 3 + 2]!];
  const [ex, ey, ez] = [positions[b * 3]! - ax, positions[b * 3 + 1]! - ay, positions[b * 3 + 2]! - az];
  const lengthSquared = ex * ex + ey * ey + ez * ez;
  const t =
    lengthSquared === 0
      ? 0
      : Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey + (z - az) * ez) / lengthSquared));
  return Math.hypot(ax + t * ex - x, ay + t * ey - y, az + t * ez - z);
}
