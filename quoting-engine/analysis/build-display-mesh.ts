import type { DisplayMesh, Vector3 } from "./analyze-model";
import { scratchInt32Array } from "./scratch-arrays";

/**
 * One compact mesh for the viewer: each part's vertices that its triangles use, shared between those
 * triangles (a welded 1M-triangle mesh needs about a sixth of the corners' floats). One pass over the
 * corners: a vertex gets its number and its coordinates when first used, so each is written once.
 */
export function buildDisplayMesh(
  parts: {
    positions: Float64Array;
    welded: boolean;
    indices: Uint32Array;
    /** Absent when the part has no faces: every triangle -1. */
    faceIds?: Int32Array;
    bodyIndex: number;
  }[],
  originMm: Vector3,
): DisplayMesh {
  let triangleCount = 0;
  // At most every vertex of every distinct positions array is used.
  // Each distinct positions array's stretch of one working array kept for the next mesh (cleared here).
  const remapStarts = new Map<Float64Array, number>();
  let mostVertices = 0;
  for (const part of parts) {
    triangleCount += part.indices.length / 3;
    if (remapStarts.has(part.positions)) continue;
    remapStarts.set(part.positions, mostVertices);
    mostVertices += part.positions.length / 3;
  }
  const remapAll = scratchInt32Array("display vertex numbers", mostVertices).fill(-1);
  const [originX, originY, originZ] = originMm;
  let positions = new Float32Array(mostVertices * 3);
  const indices = new Uint32Array(triangleCount * 3);
  const faceIds = new Int32Array(triangleCount);
  const bodyIds = new Uint32Array(triangleCount);
  let vertexCount = 0;
  let triangle = 0;
  // Distinct vertices stay distinct when each coordinate less the origin is exact in float32 and gives
  // the vertex's coordinate back (then two vertices with one display position would be one vertex).
  let distinctVertices = remapStarts.size === 1 && parts.every((part) => part.welded);
  for (const part of parts) {
    const remapStart = remapStarts.get(part.positions)!;
    const remap = remapAll.subarray(remapStart, remapStart + part.positions.length / 3);
    const source = part.positions;
    const partIndices = part.indices;
    const first = triangle * 3;
    for (let corner = 0; corner < partIndices.length; corner++) {
      const vertex = partIndices[corner]!;
      let target = remap[vertex]!;
      if (target === -1) {
        target = vertexCount++;
        remap[vertex] = target;
        const x = source[vertex * 3]! - originX;
        const y = source[vertex * 3 + 1]! - originY;
        const z = source[vertex * 3 + 2]! - originZ;
        positions[target * 3] = x;
        positions[target * 3 + 1] = y;
        positions[target * 3 + 2] = z;
        if (
          distinctVertices &&
          !(
            positions[target * 3] === x &&
            positions[target * 3 + 1] === y &&
            positions[target * 3 + 2] === z &&
            x + originX === source[vertex * 3] &&
            y + originY === source[vertex * 3 + 1] &&
            z + originZ === source[vertex * 3 + 2]
          )
        )
          distinctVertices = false;
      }
      indices[first + corner] = target;
    }
    if (part.faceIds) faceIds.set(part.faceIds, triangle);
    else faceIds.fill(-1, triangle, triangle + partIndices.length / 3);
    // A new array holds zeros already: writing body 0's number would only touch its fresh pages (a
    // million-triangle mesh's 1,000 pages, each a page fault; decision 0121).
    if (part.bodyIndex !== 0) bodyIds.fill(part.bodyIndex, triangle, triangle + partIndices.length / 3);
    triangle += partIndices.length / 3;
  }
  // Vertices no triangle uses (dropped or collapsed triangles' corners) leave the end unused.
  if (vertexCount < mostVertices) positions = positions.slice(0, vertexCount * 3);
  return {
    originMm,
    positions,
    indices,
    faceIds,
    bodyIds,
    ...(distinctVertices ? { distinctVertices } : {}),
  };
}
