import type { DisplayMesh } from "./analyze-model";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { subMesh } from "./sub-mesh";

/**
 * The mesh of the bodies that are made: the closed ones (parts and the walls of their voids). Open surfaces
 * beside a part stay in the display mesh, for the viewer, but are left out of volume and size, so they must
 * not stand on a build plate either (decision 0114). Without open bodies: the mesh and measures as given.
 */
export function closedBodiesMesh(
  mesh: DisplayMesh,
  triangles: TriangleMeasures,
  /** Per body (as `mesh.bodyIds`), whether it is closed. */
  closedOfBody: ArrayLike<boolean> | undefined,
): { mesh: DisplayMesh; triangles: TriangleMeasures } {
  if (!closedOfBody || Array.prototype.every.call(closedOfBody, Boolean)) return { mesh, triangles };
  const kept: number[] = [];
  for (let triangle = 0; triangle < mesh.bodyIds.length; triangle++)
    if (closedOfBody[mesh.bodyIds[triangle]!]) kept.push(triangle);
  const closed = subMesh(mesh, kept);
  return { mesh: closed, triangles: measureTriangles(closed.positions, closed.indices) };
}
