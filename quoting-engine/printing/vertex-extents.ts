import type { Vector3 } from "../analysis/analyze-model";

/** Vertices per box: a million-triangle mesh has about 8,000 boxes. */
const chunkVertices = 64;

/**
 * The part's vertices cut into runs with a box each (`vertexExtents`), for `extentAlong`. A plain object
 * of one literal, read by a function of the module: compiled code that called a closure made per part
 * held that closure, and code reading an object of a class held its hidden class, which dies with the
 * part's last object of it; either way the code was thrown away after every part (decision 0101). A
 * literal's hidden class lives as long as the literal's code.
 */
export interface VertexExtents {
  positions: ArrayLike<number>;
  vertexCount: number;
  boxes: Float64Array;
  upper: Float64Array;
  lower: Float64Array;
  found: Float64Array;
}

/** Lowest and highest point of the part along a direction: the same numbers as a pass over every vertex. */
export function extentAlong(extents: VertexExtents, direction: Vector3): { low: number; high: number } {
  const { found } = extents;
  extentInto(
    found,
    extents.positions,
    extents.vertexCount,
    extents.boxes,
    extents.upper,
    extents.lower,
    direction[0],
    direction[1],
    direction[2],
  );
  return { low: found[0]!, high: found[1]! };
}

/**
 * The part's extent along any direction, exact, without a pass over every vertex per direction: the
 * vertices are cut into runs of 64 (file order keeps a run close together) with a box each, built once.
 * Along a direction a box's far corner bounds every vertex in it from above, computed with the same
 * float operations, so it is never below them (rounding is monotone); only runs whose box reaches past
 * the highest (lowest) point found so far are read vertex by vertex. Build orientation asks for about
 * thirty directions per part.
 */
export function vertexExtents(positions: ArrayLike<number>): VertexExtents {
  const vertexCount = Math.floor(positions.length / 3);
  const chunkCount = Math.ceil(vertexCount / chunkVertices);
  const boxes = new Float64Array(chunkCount * 6);
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    // The box in locals while its run is read (NaN coordinates leave it as they find it).
    let minX = Infinity,
      minY = Infinity,
      minZ = Infinity,
      maxX = -Infinity,
      maxY = -Infinity,
      maxZ = -Infinity;
    const end = Math.min(vertexCount, (chunk + 1) * chunkVertices) * 3;
    for (let at = chunk * chunkVertices * 3; at < end; at += 3) {
      const x = positions[at]!,
        y = positions[at + 1]!,
        z = positions[at + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    boxes[chunk * 6] = minX;
    boxes[chunk * 6 + 1] = minY;
    boxes[chunk * 6 + 2] = minZ;
    boxes[chunk * 6 + 3] = maxX;
    boxes[chunk * 6 + 4] = maxY;
    boxes[chunk * 6 + 5] = maxZ;
  }
  return {
    positions,
    vertexCount,
    boxes,
    upper: new Float64Array(chunkCount),
    lower: new Float64Array(chunkCount),
    found: new Float64Array(2),
  };
}

/**
 * The lowest and highest vertex along (ux, uy, uz) into `found`. A function of its own, not the closure's
 * body: a closure made per part kept its loop's doubles boxed (a heap number per vertex read), this one
 * is optimised once for every part.
 */
function extentInto(
  found: Float64Array,
  positions: ArrayLike<number>,
  vertexCount: number,
  boxes: Float64Array,
  upper: Float64Array,
  lower: Float64Array,
  ux: number,
  uy: number,
  uz: number,
): void {
  const chunkCount = upper.length;
  // A real vertex per run first, so that most boxes can be passed over at once.
  let low = Infinity,
    high = -Infinity;
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    const base = chunk * 6;
    // The corner farthest along the direction (and against it), each product as the vertex pass has it.
    const hx = ux >= 0 ? boxes[base + 3]! : boxes[base]!,
      hy = uy >= 0 ? boxes[base + 4]! : boxes[base + 1]!,
      hz = uz >= 0 ? boxes[base + 5]! : boxes[base + 2]!;
    const lx = ux >= 0 ? boxes[base]! : boxes[base + 3]!,
      ly = uy >= 0 ? boxes[base + 1]! : boxes[base + 4]!,
      lz = uz >= 0 ? boxes[base + 2]! : boxes[base + 5]!;
    upper[chunk] = hx * ux + hy * uy + hz * uz;
    lower[chunk] = lx * ux + ly * uy + lz * uz;
    const first = chunk * chunkVertices * 3;
    const h = positions[first]! * ux + positions[first + 1]! * uy + positions[first + 2]! * uz;
    if (h < low) low = h;
    if (h > high) high = h;
  }
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    // NaN bounds (a run of NaN coordinates) are read too, and their NaN heights change nothing.
    if (upper[chunk]! <= high && lower[chunk]! >= low) continue;
    const end = Math.min(vertexCount, (chunk + 1) * chunkVertices) * 3;
    for (let vertex = chunk * chunkVertices * 3; vertex < end; vertex += 3) {
      const h = positions[vertex]! * ux + positions[vertex + 1]! * uy + positions[vertex + 2]! * uz;
      if (h < low) low = h;
      if (h > high) high = h;
    }
  }
  found[0] = low;
  found[1] = high;
}
