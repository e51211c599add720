import type { DisplayMesh } from "./analyze-model";

/** Some triangles of a mesh (one part, or every closed body) as a mesh of their own (the vertices they use, the same face and body ids). */
export function subMesh(mesh: DisplayMesh, triangles: number[]): DisplayMesh {
  const vertexOf = new Map<number, number>();
  const indices = new Uint32Array(triangles.length * 3);
  const positions: number[] = [];
  triangles.forEach((triangle, index) => {
    for (let corner = 0; corner < 3; corner++) {
      const vertex = mesh.indices[triangle * 3 + corner]!;
      let local = vertexOf.get(vertex);
      if (local === undefined) {
        local = vertexOf.size;
        vertexOf.set(vertex, local);
        positions.push(
          mesh.positions[vertex * 3]!,
          mesh.positions[vertex * 3 + 1]!,
          mesh.positions[vertex * 3 + 2]!,
        );
      }
      indices[index * 3 + corner] = local;
    }
  });
  return {
    originMm: mesh.originMm,
    positions: Float32Array.from(positions),
    indices,
    faceIds: Int32Array.from(triangles, (triangle) => mesh.faceIds[triangle]!),
    bodyIds: Uint32Array.from(triangles, (triangle) => mesh.bodyIds[triangle]!),
  };
}
