import type { WeldedMesh } from "./weld-vertices";
import { buildMeshEdgeTable, type MeshEdgeTable } from "./mesh-edge-table";
import { measureBody, noMeasures, type BodyMeasures } from "./measure-body";
import { scratchInt32Array, scratchUint32Array, scratchUint8Array } from "./scratch-arrays";
import { turnMatesAround } from "./closed-mesh-mates";

/** One connected body of a welded mesh, its triangles turned to face outwards where that can be told. */
export interface OrientedBody {
  /** Three vertex indices per triangle, consistently oriented (outward for a closed body). */
  indices: Uint32Array;
  /** Per triangle: the source triangle it came from, or -1 for a triangle added to close a hole. */
  sourceTriangles: Int32Array;
  /** Its triangles that are the file's (not added to close a hole). */
  fileTriangleCount: number;
  /** No open edge and no edge shared by more than two of its triangles. */
  closed: boolean;
  boundaryEdgeCount: number;
  nonManifoldEdgeCount: number;
  /** Edges whose two triangles could not be oriented alike (a Möbius-like surface). */
  orientationConflicts: number;
  /** The whole body faced inwards and was turned around. */
  inverted: boolean;
  /** Triangles whose orientation disagreed with their neighbours and were turned. */
  reorientedTriangles: number;
  /** Triangles whose winding now differs from the file's (turned to match neighbours, or outwards). */
  turnedTriangles: number;
  /** Small holes closed with a fan of triangles so the volume can be measured. */
  filledHoles: number;
  filledHoleAreaMm2: number;
  /** Volume (signed, before the body was turned outwards), area and box of its final triangles. */
  measures: BodyMeasures;
}

export interface BodySplitOptions {
  /** Close holes whose patch area is at most this share of the body's area (0 disables). */
  maxHoleAreaShare: number;
  /** Also give the bodies' edge mates (`edgeMates`), when every edge joins two triangles. */
  edgeMates?: boolean;
  /**
   * The bodies' `indices` and `sourceTriangles` (unless a hole was closed) are stretches of working arrays
   * kept for the next mesh (`scratchInt32Array`): valid until the next split asked for the same.
   */
  inScratch?: boolean;
}

/**
 * Splits a welded mesh into bodies (triangles connected through edges shared by exactly two triangles),
 * and counts the edges shared by more than two triangles (where bodies touch).
 * orients each body consistently, closes small holes, and turns closed bodies outwards (positive volume).
 * Degenerate triangles (two equal corners) are dropped. Linear in the number of triangles.
 */
export function splitAndOrientBodies(
  mesh: WeldedMesh,
  options: BodySplitOptions,
  edges: MeshEdgeTable = buildMeshEdgeTable(mesh.indices, mesh.positions.length / 3),
): {
  bodies: OrientedBody[];
  sharedEdgeCount: number;
  /**
   * With `options.edgeMates`, on a mesh whose every edge joins two triangles and that has nothing
   * collapsed or coincident: the other half-edge of every half-edge of the bodies' triangles, numbered
   * as they are drawn (body after body, each as oriented), what `closedMeshMates` of them would give.
   */
  edgeMates?: Int32Array;
} {
  const { positions, indices } = mesh;
  const { mate, degenerate } = edges;
  const triangleCount = indices.length / 3;
  // Working arrays kept for the next mesh (`scratchInt32Array`), cleared here. A triangle's place in the
  // queue below, -1 until it is reached.
  const queuePosition = scratchInt32Array("triangle queue position", triangleCount).fill(-1);
  const flipped = scratchUint8Array("triangle turned", triangleCount).fill(0);
  const bodies: OrientedBody[] = [];
  // Every body's triangles in the order they were reached, body after body: a body's members are its
  // stretch of this array (no copy per body).
  const queue = options.inScratch
    ? scratchInt32Array("triangle queue", triangleCount)
    : new Int32Array(triangleCount);
  // The triangles as oriented, in the same order: a body's indices are its stretch of this array.
  const oriented = options.inScratch
    ? scratchUint32Array("triangles as oriented", triangleCount * 3)
    : new Uint32Array(triangleCount * 3);
  let tail = 0;
  // Every edge joins exactly two triangles: each body is closed as far as edges go, so its edges need
  // not be counted body by body (the common case, and most of the time of this step).
  const everyEdgeJoinsTwo = edges.openEdgeCount === 0 && edges.sharedEdgeCount === 0;
  const perBody = everyEdgeJoinsTwo ? undefined : bodyEdgeCounters(edges.count);
  // The mates of the triangles as oriented, in queue order: written as each triangle leaves the queue.
  const clean = edges.degenerateCount === 0 && !edges.hasCoincidentTriangles;
  const queueMates =
    options.edgeMates && everyEdgeJoinsTwo && clean ? new Int32Array(triangleCount * 3) : undefined;

  for (let seed = 0; seed < triangleCount; seed++) {
    if (queuePosition[seed] !== -1 || degenerate[seed]) continue;
    const bodyIndex = bodies.length;
    const start = tail;
    let head = start;
    queuePosition[seed] = tail;
    queue[tail++] = seed;
    let orientationConflicts = 0;
    let reorientedTriangles = 0;
    while (head < tail) {
      // A triangle's turn is settled when it is queued: it is written out as it leaves the queue.
      const position = head;
      const triangle = queue[head++]!;
      const turned = flipped[triangle] === 1;
      const a = indices[triangle * 3]!;
      const b = indices[triangle * 3 + 1]!;
      const c = indices[triangle * 3 + 2]!;
      oriented[position * 3] = a;
      oriented[position * 3 + 1] = turned ? c : b;
      oriented[position * 3 + 2] = turned ? b : c;
      if (turned) reorientedTriangles++;
      const ownSign = turned ? -1 : 1;
      for (let corner = 0; corner < 3; corner++) {
        const halfEdge = triangle * 3 + corner;
        const neighbourHalfEdge = mate[halfEdge]!;
        if (neighbourHalfEdge < 0) continue;
        const neighbour = (neighbourHalfEdge / 3) | 0;
        if (neighbour === triangle) continue;
        // Two triangles agree when they run along their shared edge in opposite directions: when both
        // half-edges start at the same vertex, the neighbour must be turned unlike this triangle.
        const from = corner === 0 ? a : corner === 1 ? b : c;
        const wantedSign = from === indices[neighbourHalfEdge] ? -ownSign : ownSign;
        if (queuePosition[neighbour] === -1) {
          queuePosition[neighbour] = tail;
          flipped[neighbour] = wantedSign === -1 ? 1 : 0;
          queue[tail++] = neighbour;
        } else if ((flipped[neighbour] ? -1 : 1) !== wantedSign) {
          orientationConflicts++;
        }
        if (queueMates) {
          // A turned triangle (a, c, b) runs the sides of (a, b, c) backwards: its side k is their 2 − k.
          const neighbourCorner = neighbourHalfEdge - neighbour * 3;
          queueMates[position * 3 + (turned ? 2 - corner : corner)] =
            queuePosition[neighbour]! * 3 +
            (flipped[neighbour] === 1 ? 2 - neighbourCorner : neighbourCorner);
        }
      }
    }

    const members = queue.subarray(start, tail);
    const memberCount = tail - start;

    const counts = perBody
      ? countBodyEdges(perBody, edges, indices, members, flipped, bodyIndex)
      : { boundaryEdgeCount: 0, nonManifoldEdgeCount: 0, unbalancedEdgeCount: 0 };
    const { boundaryEdgeCount, nonManifoldEdgeCount, unbalancedEdgeCount } = counts;
    // Four (or six) triangles on one edge, half running each way, still bound a closed volume: two lobes
    // of one body touching along an edge, as OpenSCAD exports unions. Slicers and admesh take them whole.
    const watertight = boundaryEdgeCount === 0 && unbalancedEdgeCount === 0 && orientationConflicts === 0;

    let body: OrientedBody = {
      indices: oriented.subarray(start * 3, tail * 3),
      sourceTriangles: members,
      fileTriangleCount: memberCount,
      closed: watertight,
      boundaryEdgeCount,
      nonManifoldEdgeCount,
      orientationConflicts,
      inverted: false,
      reorientedTriangles: Math.min(reorientedTriangles, memberCount - reorientedTriangles),
      turnedTriangles: reorientedTriangles,
      filledHoles: 0,
      filledHoleAreaMm2: 0,
      measures: noMeasures,
    };
    if (
      perBody &&
      boundaryEdgeCount > 0 &&
      nonManifoldEdgeCount === 0 &&
      orientationConflicts === 0 &&
      options.maxHoleAreaShare > 0
    ) {
      const openHalfEdges: number[] = [];
      for (let member = 0; member < memberCount; member++) {
        const triangle = members[member]!;
        for (let corner = 0; corner < 3; corner++) {
          const edge = edges.edgeOfHalfEdge[triangle * 3 + corner]!;
          if (edge < 0 || perBody.edgeUses[edge] !== 1) continue;
          // A turned triangle runs each of its edges the other way.
          const from = indices[triangle * 3 + corner]!;
          const to = indices[triangle * 3 + ((corner + 1) % 3)]!;
          openHalfEdges.push(flipped[triangle] ? to : from, flipped[triangle] ? from : to);
        }
      }
      body = fillSmallHoles(body, positions, openHalfEdges, options.maxHoleAreaShare);
    }
    // Volume, area and box in one pass over the body's final triangles.
    body.measures = measureBody(positions, body.indices);
    if (body.closed && body.measures.signedVolumeMm3 < 0) {
      turnAround(body.indices);
      if (queueMates) turnMatesAround(queueMates, start, tail);
      body.inverted = true;
      body.turnedTriangles = memberCount - reorientedTriangles;
    }
    // An open body has no outside: count only the triangles turned against the majority.
    if (!body.closed) body.turnedTriangles = body.reorientedTriangles;
    bodies.push(body);
  }
  // Edges of more than two triangles join bodies that only touch: each body is whole on its own.
  return { bodies, sharedEdgeCount: edges.sharedEdgeCount, ...(queueMates ? { edgeMates: queueMates } : {}) };
}

/** +1 when the half-edge runs from the lower to the higher vertex index, -1 otherwise. */
function direction(indices: Uint32Array, halfEdge: number): number {
  const next = halfEdge % 3 === 2 ? halfEdge - 2 : halfEdge + 1;
  return indices[halfEdge]! < indices[next]! ? 1 : -1;
}

interface BodyEdgeCounters {
  edgeStamp: Int32Array;
  edgeUses: Uint32Array;
  touched: Int32Array;
  /** Per edge, the body's uses in one direction minus those in the other (after orienting). */
  edgeBalance: Int32Array;
}

function bodyEdgeCounters(edgeCount: number): BodyEdgeCounters {
  return {
    edgeStamp: new Int32Array(edgeCount).fill(-1),
    edgeUses: new Uint32Array(edgeCount),
    touched: new Int32Array(edgeCount),
    edgeBalance: new Int32Array(edgeCount),
  };
}

/** Counts each edge's uses within one body: 1 is an open edge, more than 2 a non-manifold one. */
function countBodyEdges(
  counters: BodyEdgeCounters,
  edges: MeshEdgeTable,
  indices: Uint32Array,
  members: Int32Array,
  flipped: Uint8Array,
  bodyIndex: number,
) {
  const { edgeStamp, edgeUses, touched, edgeBalance } = counters;
  let touchedCount = 0;
  for (let member = 0; member < members.length; member++) {
    const triangle = members[member]!;
    for (let corner = 0; corner < 3; corner++) {
      const edge = edges.edgeOfHalfEdge[triangle * 3 + corner]!;
      if (edge < 0) continue;
      if (edgeStamp[edge] !== bodyIndex) {
        edgeStamp[edge] = bodyIndex;
        edgeUses[edge] = 0;
        edgeBalance[edge] = 0;
        touched[touchedCount++] = edge;
      }
      edgeUses[edge]!++;
      edgeBalance[edge]! += direction(indices, triangle * 3 + corner) * (flipped[triangle] ? -1 : 1);
    }
  }
  let boundaryEdgeCount = 0;
  let nonManifoldEdgeCount = 0;
  let unbalancedEdgeCount = 0;
  for (let index = 0; index < touchedCount; index++) {
    const edge = touched[index]!;
    if (edgeUses[edge] === 1) boundaryEdgeCount++;
    else if (edgeUses[edge]! > 2) {
      nonManifoldEdgeCount++;
      if (edgeBalance[edge] !== 0) unbalancedEdgeCount++;
    }
  }
  return { boundaryEdgeCount, nonManifoldEdgeCount, unbalancedEdgeCount };
}

/**
 * Closes each hole (a loop of open edges) with a fan of triangles that run against the loop, when the
 * patches together are small against the body. Holes that touch at a corner (a boundary that passes one
 * vertex twice) are closed one by one; a boundary that stops at a vertex is left open.
 */
function fillSmallHoles(
  body: OrientedBody,
  positions: Float64Array,
  openHalfEdges: number[],
  maxHoleAreaShare: number,
): OrientedBody {
  const { indices } = body;
  // Open half-edges as the oriented triangles run them, by the vertex they leave: two leave a corner
  // where two holes touch.
  const leaving = new Map<number, number[]>();
  for (let index = 0; index < openHalfEdges.length; index += 2) {
    const from = openHalfEdges[index] ?? 0;
    const to = openHalfEdges[index + 1] ?? 0;
    const targets = leaving.get(from);
    if (targets) targets.push(to);
    else leaving.set(from, [to]);
  }
  const patches: number[] = [];
  let holes = 0;
  for (const start of leaving.keys()) {
    // Walk the boundary from `start`; back at a vertex of this walk, the stretch since is one hole.
    const path = [start];
    const placeOnPath = new Map<number, number>([[start, 0]]);
    for (;;) {
      const vertex = path[path.length - 1] ?? start;
      const next = leaving.get(vertex)?.pop();
      if (next === undefined) {
        if (path.length === 1) break;
        return body; // the boundary stops here: no loop to close
      }
      const place = placeOnPath.get(next);
      if (place === undefined) {
        placeOnPath.set(next, path.length);
        path.push(next);
        continue;
      }
      const loop = path.splice(place);
      for (const corner of loop) placeOnPath.delete(corner);
      if (loop.length < 3) return body;
      holes++;
      const first = loop[0] ?? 0;
      for (let index = 1; index + 1 < loop.length; index++)
        patches.push(first, loop[index + 1] ?? 0, loop[index] ?? 0);
      placeOnPath.set(next, path.length);
      path.push(next);
    }
  }
  const patchIndices = Uint32Array.from(patches);
  const patchArea = surfaceArea(positions, patchIndices);
  if (patchArea > maxHoleAreaShare * surfaceArea(positions, indices)) return body;

  const merged = new Uint32Array(indices.length + patchIndices.length);
  merged.set(indices);
  merged.set(patchIndices, indices.length);
  const sources = new Int32Array(merged.length / 3).fill(-1);
  sources.set(body.sourceTriangles);
  return {
    ...body,
    indices: merged,
    sourceTriangles: sources,
    closed: true,
    filledHoles: holes,
    filledHoleAreaMm2: patchArea,
  };
}

function turnAround(indices: Uint32Array): void {
  for (let corner = 0; corner < indices.length; corner += 3) {
    const second = indices[corner + 1] ?? 0;
    indices[corner + 1] = indices[corner + 2] ?? 0;
    indices[corner + 2] = second;
  }
}

/** Signed volume enclosed by the triangles, summed about the first vertex to keep precision far from the origin. */
export function signedVolume(positions: Float64Array, indices: Uint32Array): number {
  if (indices.length === 0) return 0;
  const origin = (indices[0] ?? 0) * 3;
  const [ox, oy, oz] = [positions[origin] ?? 0, positions[origin + 1] ?? 0, positions[origin + 2] ?? 0];
  let sixTimesVolume = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = (indices[corner] ?? 0) * 3;
    const b = (indices[corner + 1] ?? 0) * 3;
    const c = (indices[corner + 2] ?? 0) * 3;
    const ax = (positions[a] ?? 0) - ox,
      ay = (positions[a + 1] ?? 0) - oy,
      az = (positions[a + 2] ?? 0) - oz;
    const bx = (positions[b] ?? 0) - ox,
      by = (positions[b + 1] ?? 0) - oy,
      bz = (positions[b + 2] ?? 0) - oz;
    const cx = (positions[c] ?? 0) - ox,
      cy = (positions[c + 1] ?? 0) - oy,
      cz = (positions[c + 2] ?? 0) - oz;
    sixTimesVolume += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return sixTimesVolume / 6;
}

export function surfaceArea(positions: Float64Array, indices: Uint32Array): number {
  let twiceArea = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = (indices[corner] ?? 0) * 3;
    const b = (indices[corner + 1] ?? 0) * 3;
    const c = (indices[corner + 2] ?? 0) * 3;
    const ux = (positions[b] ?? 0) - (positions[a] ?? 0),
      uy = (positions[b + 1] ?? 0) - (positions[a + 1] ?? 0),
      uz = (positions[b + 2] ?? 0) - (positions[a + 2] ?? 0);
    const vx = (positions[c] ?? 0) - (positions[a] ?? 0),
      vy = (positions[c + 1] ?? 0) - (positions[a + 1] ?? 0),
      vz = (positions[c + 2] ?? 0) - (positions[a + 2] ?? 0);
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    twiceArea += Math.sqrt(nx * nx + ny * ny + nz * nz);
  }
  return twiceArea / 2;
}
