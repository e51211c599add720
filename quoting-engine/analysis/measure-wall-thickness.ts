import type { DisplayMesh } from "./analyze-model";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { buildTriangleBvh, type TriangleBvh } from "./triangle-bvh";

export interface WallThickness {
  /** Thinnest wall found, millimetres; undefined when no ray found an opposite wall. */
  minWallMm?: number;
  /** Face ids where the thinnest walls are (within 2 % of the minimum). */
  faces: number[];
}

/** Rays start this far inside the surface so they never hit the triangle they start on. */
const startOffsetMm = 1e-6;
/** Only an exit wall roughly square to the ray counts (not a neighbour meeting at a corner). */
const minimumExitCosine = 0.5;
const maxRays = 40_000;

/**
 * Wall thickness by casting a ray from every triangle's centre (every n-th beyond 40,000 triangles) into
 * the material, along the inverted normal, and taking the distance to the wall where it leaves again. The mesh must be closed and
 * outward-oriented. Uses a bounding-volume hierarchy, so it runs in about n·log n.
 */
export function measureWallThickness(
  mesh: DisplayMesh,
  triangles: TriangleMeasures = measureTriangles(mesh.positions, mesh.indices),
  bvh: TriangleBvh = buildTriangleBvh(mesh.positions, mesh.indices, triangles.centroids),
): WallThickness {
  const { indices, faceIds } = mesh;
  const { normals, centroids } = triangles;
  const triangleCount = indices.length / 3;
  if (triangleCount === 0) return { faces: [] };

  const thickness = new Float64Array(triangleCount).fill(Infinity);
  // Large meshes are sampled evenly: enough rays to find thin walls, few enough to stay fast.
  const stride = Math.max(1, Math.ceil(triangleCount / maxRays));
  for (let triangle = 0; triangle < triangleCount; triangle += stride) {
    const origin = [0, 1, 2].map(
      (axis) => centroids[triangle * 3 + axis]! - normals[triangle * 3 + axis]! * startOffsetMm,
    ) as [number, number, number];
    const direction = [0, 1, 2].map((axis) => -normals[triangle * 3 + axis]!) as [number, number, number];
    const hit = bvh.castRay(origin, direction, triangle);
    if (hit.triangle < 0) continue;
    const facing =
      normals[hit.triangle * 3]! * direction[0] +
      normals[hit.triangle * 3 + 1]! * direction[1] +
      normals[hit.triangle * 3 + 2]! * direction[2];
    // The ray leaves the material through the opposite wall, whose outward normal points along the ray;
    // a neighbour met at a corner or an inner cavity wall would not.
    if (facing < minimumExitCosine) continue;
    thickness[triangle] = hit.distance + startOffsetMm;
  }
  let minimum = Infinity;
  for (const value of thickness) minimum = Math.min(minimum, value);
  if (!Number.isFinite(minimum)) return { faces: [] };
  const faces = new Set<number>();
  thickness.forEach((value, triangle) => {
    if (value <= minimum * 1.02 && (faceIds[triangle] ?? -1) >= 0) faces.add(faceIds[triangle]!);
  });
  return { minWallMm: minimum, faces: [...faces].sort((a, b) => a - b) };
}
