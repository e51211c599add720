/**
 * Every triangle's corners (x y z of each, 9 float32s) into `corners` at its place in the BVH's order
 * (`placeOf`, triangle-bvh.ts), written in the mesh's own order: the triangles' corner indices and (in
 * a mesh welded in reading order) their vertices are read front to back, and only the writes jump,
 * instead of two dependent scattered reads per corner.
 */
export function cornersInOrder(
  positions: Float32Array,
  indices: Uint32Array,
  placeOf: Int32Array,
  corners: Float32Array,
): Float32Array {
  const triangleCount = placeOf.length;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const at = placeOf[triangle]! * 9;
    for (let corner = 0; corner < 3; corner++) {
      const vertex = indices[triangle * 3 + corner]! * 3;
      corners[at + corner * 3] = positions[vertex]!;
      corners[at + corner * 3 + 1] = positions[vertex + 1]!;
      corners[at + corner * 3 + 2] = positions[vertex + 2]!;
    }
  }
  return corners;
}
