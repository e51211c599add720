import type { MeshPart } from "../io/cad-model";
import { weldVertices } from "../analysis/weld-vertices";
import { findOpenEdges, measureOpenings, type Openings } from "./measure-openings";

/** The kernel's tessellation chord (read-iges.ts): two faces' polylines of one curved edge differ by up to this. */
const tessellationChordMm = 0.01;

export interface SewingResult {
  /** The surfaces as one mesh: joined where they met within the tolerance. */
  part: MeshPart;
  /** Surfaces (faces) that needed sewing and now bound closed bodies. */
  sewnSurfaces: number;
  /** Bodies that close after sewing. */
  closedBodies: number;
  toleranceMm: number;
  /** What is still open after sewing (zero counts when everything closed). */
  openings: Openings;
}

/**
 * The sewing tolerance: gaps narrower than this are closed. At least 2.5 × the tessellation chord (a
 * curved edge's two polylines differ by up to one chord), and 1/10 000 of the part's diagonal, the order
 * of the modelling tolerance CAD systems write surfaces with (OpenCascade's sewing takes the tolerance as
 * a caller's choice; see decision 0038).
 */
export function sewingToleranceMm(diagonalMm: number): number {
  return Math.max(2.5 * tessellationChordMm, diagonalMm * 1e-4);
}

/**
 * Sews per-face triangulations of a surface model (IGES faces that share no topology) into one mesh:
 * boundary vertices within the tolerance are merged, and a boundary vertex lying on another face's
 * boundary edge (a T-junction: the two faces were tessellated with different points along their common
 * edge) splits that edge, so both sides share every vertex. Returns undefined when every part is already
 * closed on its own (nothing to sew). Runs on typed arrays in about linear time in the boundary's size.
 */
export function sewSurfaceMeshes(parts: MeshPart[]): SewingResult | undefined {
  if (parts.every((part) => findOpenEdges(weldVertices(part.positions, part.indices).indices).count === 0))
    return undefined;
  const merged = mergeParts(parts);
  const welded = weldVertices(merged.positions, merged.indices);
  const diagonal = boxDiagonal(welded.positions);
  const toleranceMm = sewingToleranceMm(diagonal);

  let positions = welded.positions;
  let indices = welded.indices;
  let faceIds = merged.faceIds;
  indices = mergeBoundaryVertices(positions, indices, toleranceMm);
  ({ indices, faceIds } = dropCollapsed(indices, faceIds));
  for (let pass = 0; pass < 2; pass++) {
    const split = splitTJunctions(positions, indices, faceIds, toleranceMm);
    if (!split) break;
    ({ positions, indices, faceIds } = split);
  }
  const openings = measureOpenings(positions, indices, faceIds);
  const components = closedComponents(positions.length / 3, indices, openings.boundaryVertices);
  const sewnFaces = new Set<number>();
  for (let triangle = 0; triangle < faceIds.length; triangle++)
    if (components.closed[components.of[indices[triangle * 3]!]!]) sewnFaces.add(faceIds[triangle]!);
  sewnFaces.delete(-1);
  return {
    part: { name: "sewn surfaces", positions, indices, faceIds },
    sewnSurfaces: sewnFaces.size,
    closedBodies: components.closedCount,
    toleranceMm,
    openings,
  };
}

/** The openings of meshes that share corners (a sewn B-rep's open shells): length and widest gap. */
export function openingsOf(parts: MeshPart[]): Openings {
  const merged = mergeParts(parts);
  const welded = weldVertices(merged.positions, merged.indices);
  return measureOpenings(welded.positions, welded.indices, merged.faceIds);
}

function mergeParts(parts: MeshPart[]): {
  positions: Float64Array;
  indices: Uint32Array;
  faceIds: Int32Array;
} {
  const vertexTotal = parts.reduce((sum, part) => sum + part.positions.length, 0);
  const cornerTotal = parts.reduce((sum, part) => sum + part.indices.length, 0);
  const positions = new Float64Array(vertexTotal);
  const indices = new Uint32Array(cornerTotal);
  const faceIds = new Int32Array(cornerTotal / 3).fill(-1);
  let vertexOffset = 0;
  let cornerOffset = 0;
  for (const part of parts) {
    positions.set(part.positions, vertexOffset);
    const base = vertexOffset / 3;
    for (let corner = 0; corner < part.indices.length; corner++)
      indices[cornerOffset + corner] = part.indices[corner]! + base;
    if (part.faceIds) faceIds.set(part.faceIds, cornerOffset / 3);
    vertexOffset += part.positions.length;
    cornerOffset += part.indices.length;
  }
  return { positions, indices, faceIds };
}

function boxDiagonal(positions: Float64Array): number {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let index = 0; index < positions.length; index++) {
    const axis = index % 3;
    const value = positions[index]!;
    if (value < min[axis]!) min[axis] = value;
    if (value > max[axis]!) max[axis] = value;
  }
  return Math.hypot(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!) || 0;
}

/** Integer grid cell of a point; the key packs three 17-bit cell numbers (wrapping is only a hash collision). */
function cellKey(x: number, y: number, z: number): number {
  return ((x & 0x1ffff) * 131072 + (y & 0x1ffff)) * 131072 + (z & 0x1ffff);
}

/** Boundary vertices closer than the tolerance become one (the first one met), on a grid of tolerance-sized cells. */
function mergeBoundaryVertices(
  positions: Float64Array,
  indices: Uint32Array,
  toleranceMm: number,
): Uint32Array {
  const open = findOpenEdges(indices);
  const boundary = new Set<number>();
  for (let edge = 0; edge < open.count; edge++) {
    boundary.add(open.from[edge]!);
    boundary.add(open.to[edge]!);
  }
  const grid = new Map<number, number[]>();
  const target = new Map<number, number>();
  const cell = toleranceMm;
  for (const vertex of boundary) {
    const [x, y, z] = [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!];
    const [cx, cy, cz] = [Math.floor(x / cell), Math.floor(y / cell), Math.floor(z / cell)];
    let found = -1;
    let best = toleranceMm;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dz = -1; dz <= 1; dz++)
          for (const other of grid.get(cellKey(cx + dx, cy + dy, cz + dz)) ?? []) {
            const distance = Math.hypot(
              positions[other * 3]! - x,
              positions[other * 3 + 1]! - y,
              positions[other * 3 + 2]! - z,
            );
            if (distance <= best) {
              best = distance;
              found = other;
            }
          }
    if (found >= 0) {
      target.set(vertex, found);
      continue;
    }
    const key = cellKey(cx, cy, cz);
    const list = grid.get(key);
    if (list) list.push(vertex);
    else grid.set(key, [vertex]);
  }
  if (target.size === 0) return indices;
  const remapped = indices.slice();
  for (let corner = 0; corner < remapped.length; corner++) {
    const to = target.get(remapped[corner]!);
    if (to !== undefined) remapped[corner] = to;
  }
  return remapped;
}

/** Triangles whose corners merged into fewer than three vertices have no area left: drop them. */
function dropCollapsed(
  indices: Uint32Array,
  faceIds: Int32Array,
): { indices: Uint32Array; faceIds: Int32Array } {
  const keep: number[] = [];
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const [a, b, c] = [indices[triangle * 3]!, indices[triangle * 3 + 1]!, indices[triangle * 3 + 2]!];
    if (a !== b && b !== c && a !== c) keep.push(triangle);
  }
  if (keep.length === faceIds.length) return { indices, faceIds };
  const nextIndices = new Uint32Array(keep.length * 3);
  const nextFaces = new Int32Array(keep.length);
  keep.forEach((triangle, index) => {
    nextIndices.set(indices.subarray(triangle * 3, triangle * 3 + 3), index * 3);
    nextFaces[index] = faceIds[triangle]!;
  });
  return { indices: nextIndices, faceIds: nextFaces };
}

/**
 * Where a boundary vertex lies on another boundary edge (within the tolerance, strictly between its ends),
 * the edge's triangle is split: a vertex at its centroid is fanned to every piece of its outline, so the
 * pieces keep the triangle's plane and area exactly. Returns undefined when there is no T-junction.
 */
function splitTJunctions(
  positions: Float64Array,
  indices: Uint32Array,
  faceIds: Int32Array,
  toleranceMm: number,
): { positions: Float64Array; indices: Uint32Array; faceIds: Int32Array } | undefined {
  const open = findOpenEdges(indices);
  if (open.count === 0) return undefined;
  let lengthSum = 0;
  const length = (edge: number) => {
    const [a, b] = [open.from[edge]! * 3, open.to[edge]! * 3];
    return Math.hypot(
      positions[b]! - positions[a]!,
      positions[b + 1]! - positions[a + 1]!,
      positions[b + 2]! - positions[a + 2]!,
    );
  };
  for (let edge = 0; edge < open.count; edge++) lengthSum += length(edge);
  // Cells about one boundary edge long: each edge lands in a few cells, each vertex meets a few edges.
  const cell = Math.max(2 * toleranceMm, lengthSum / open.count);
  const grid = new Map<number, number[]>();
  for (let edge = 0; edge < open.count; edge++) {
    const [a, b] = [open.from[edge]! * 3, open.to[edge]! * 3];
    const steps = Math.ceil(length(edge) / (cell / 4)) + 1;
    let lastKey = NaN;
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      const key = cellKey(
        Math.floor((positions[a]! + t * (positions[b]! - positions[a]!)) / cell),
        Math.floor((positions[a + 1]! + t * (positions[b + 1]! - positions[a + 1]!)) / cell),
        Math.floor((positions[a + 2]! + t * (positions[b + 2]! - positions[a + 2]!)) / cell),
      );
      if (key === lastKey) continue;
      lastKey = key;
      const list = grid.get(key);
      if (list) {
        if (list.at(-1) !== edge) list.push(edge);
      } else grid.set(key, [edge]);
    }
  }
  const boundary = new Set<number>();
  for (let edge = 0; edge < open.count; edge++) {
    boundary.add(open.from[edge]!);
    boundary.add(open.to[edge]!);
  }
  // Per split edge: the vertices on it with their position along it.
  const splits = new Map<number, { t: number; vertex: number }[]>();
  for (const vertex of boundary) {
    const [x, y, z] = [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!];
    const [cx, cy, cz] = [Math.floor(x / cell), Math.floor(y / cell), Math.floor(z / cell)];
    const seen = new Set<number>();
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (let dz = -1; dz <= 1; dz++)
          for (const edge of grid.get(cellKey(cx + dx, cy + dy, cz + dz)) ?? []) {
            if (seen.has(edge)) continue;
            seen.add(edge);
            const [from, to] = [open.from[edge]!, open.to[edge]!];
            if (from === vertex || to === vertex) continue;
            const t = projectOnSegment(positions, from, to, x, y, z, toleranceMm);
            if (t === undefined) continue;
            const list = splits.get(edge);
            if (list) list.push({ t, vertex });
            else splits.set(edge, [{ t, vertex }]);
          }
  }
  if (splits.size === 0) return undefined;

  // Rebuild every triangle that has a split edge as a fan around its centroid.
  const byTriangle = new Map<number, Map<number, number[]>>(); // triangle -> edge slot -> vertices in order
  for (const [edge, list] of splits) {
    list.sort((first, second) => first.t - second.t);
    const triangle = open.triangle[edge]!;
    const slots = byTriangle.get(triangle) ?? new Map<number, number[]>();
    slots.set(
      open.slot[edge]!,
      list.map((entry) => entry.vertex),
    );
    byTriangle.set(triangle, slots);
  }
  const extraVertices: number[] = [];
  const extraTriangles: number[] = [];
  const extraFaces: number[] = [];
  const vertexCount = positions.length / 3;
  const replaced = new Uint8Array(faceIds.length);
  for (const [triangle, slots] of byTriangle) {
    replaced[triangle] = 1;
    const corners = [indices[triangle * 3]!, indices[triangle * 3 + 1]!, indices[triangle * 3 + 2]!];
    const outline: number[] = [];
    for (let slot = 0; slot < 3; slot++) outline.push(corners[slot]!, ...(slots.get(slot) ?? []));
    const centre = vertexCount + extraVertices.length / 3;
    for (let axis = 0; axis < 3; axis++)
      extraVertices.push(
        (positions[corners[0]! * 3 + axis]! +
          positions[corners[1]! * 3 + axis]! +
          positions[corners[2]! * 3 + axis]!) /
          3,
      );
    for (let index = 0; index < outline.length; index++) {
      extraTriangles.push(outline[index]!, outline[(index + 1) % outline.length]!, centre);
      extraFaces.push(faceIds[triangle]!);
    }
  }
  const keptCount = faceIds.length - byTriangle.size;
  const nextIndices = new Uint32Array((keptCount + extraFaces.length) * 3);
  const nextFaces = new Int32Array(keptCount + extraFaces.length);
  let write = 0;
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    if (replaced[triangle]) continue;
    nextIndices.set(indices.subarray(triangle * 3, triangle * 3 + 3), write * 3);
    nextFaces[write++] = faceIds[triangle]!;
  }
  nextIndices.set(extraTriangles, write * 3);
  nextFaces.set(extraFaces, write);
  const nextPositions = new Float64Array(positions.length + extraVertices.length);
  nextPositions.set(positions);
  nextPositions.set(extraVertices, positions.length);
  return { positions: nextPositions, indices: nextIndices, faceIds: nextFaces };
}

/** Where (0..1) a point projects onto segment from–to, if it lies within the tolerance of its inside. */
function projectOnSegment(
  positions: Float64Array,
  from: number,
  to: number,
  x: number,
  y: number,
  z: number,
  toleranceMm: number,
): number | undefined {
  const [ax, ay, az] = [positions[from * 3]!, positions[from * 3 + 1]!, positions[from * 3 + 2]!];
  const [ex, ey, ez] = [positions[to * 3]! - ax, positions[to * 3 + 1]! - ay, positions[to * 3 + 2]! - az];
  const lengthSquared = ex * ex + ey * ey + ez * ez;
  if (lengthSquared === 0) return undefined;
  const t = ((x - ax) * ex + (y - ay) * ey + (z - az) * ez) / lengthSquared;
  const length = Math.sqrt(lengthSquared);
  // Strictly inside, clear of both ends by the tolerance: nearer an end it is that end's duplicate.
  if (t * length <= toleranceMm || (1 - t) * length <= toleranceMm) return undefined;
  const distance = Math.hypot(ax + t * ex - x, ay + t * ey - y, az + t * ez - z);
  return distance <= toleranceMm ? t : undefined;
}

/** Connected components of the mesh (by shared vertices) and whether each has no open edge. */
function closedComponents(
  vertexCount: number,
  indices: Uint32Array,
  boundaryVertices: Set<number>,
): { of: Int32Array; closed: Uint8Array; closedCount: number } {
  const parent = new Int32Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) parent[vertex] = vertex;
  const find = (vertex: number): number => {
    let root = vertex;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[vertex] !== root) {
      const next = parent[vertex]!;
      parent[vertex] = root;
      vertex = next;
    }
    return root;
  };
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = find(indices[corner]!);
    parent[find(indices[corner + 1]!)] = a;
    parent[find(indices[corner + 2]!)] = a;
  }
  const of = new Int32Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) of[vertex] = find(vertex);
  const used = new Uint8Array(vertexCount);
  for (let corner = 0; corner < indices.length; corner++) used[of[indices[corner]!]!] = 1;
  const closed = used; // a root stays closed until one of its vertices is on an open edge
  for (const vertex of boundaryVertices) closed[of[vertex]!] = 0;
  let closedCount = 0;
  for (let vertex = 0; vertex < vertexCount; vertex++)
    if (closed[vertex] && of[vertex] === vertex) closedCount++;
  return { of, closed, closedCount };
}
