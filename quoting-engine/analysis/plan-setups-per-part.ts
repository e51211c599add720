import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, type Vector3 } from "./cylinder-geometry";
import type { FaceFamily } from "./depression-features";
import { extentAlong, planSetups, type SetupPlan } from "./plan-setups";
import { buildTriangleBvh } from "./triangle-bvh";

/**
 * Setups of a file that holds several separate parts: each part is clamped on its own, so each is
 * planned alone, its rays cast against its own triangles only (another part of the file blocks no tool).
 * `partOfBody` gives each body of the mesh the part it belongs to (a void's wall: the part around it).
 * Returns the union of the parts' directions as the file's plan, and the setups each part needs
 * (indexed by part). Costs about what planning the whole file costs: the same rays, smaller trees.
 */
export function planSetupsPerPart(
  faces: BrepFace[],
  families: FaceFamily[],
  mesh: DisplayMesh,
  faceNormals: Map<number, Vector3>,
  trianglesByFace: Map<number, number[]>,
  centroids: Float64Array,
  partOfBody: ArrayLike<number>,
): SetupPlan & { setupsOfPart: number[] } {
  const triangleCount = mesh.indices.length / 3;
  // The triangles of each part in one pass (a counting sort by part), in the mesh's order. Parts are body
  // indices, so plain arrays index them.
  const partOfTriangle = new Int32Array(triangleCount);
  const counts = new Int32Array(partOfBody.length);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const part = partOfBody[mesh.bodyIds[triangle]!]!;
    partOfTriangle[triangle] = part;
    counts[part]!++;
  }
  const starts = new Int32Array(partOfBody.length);
  for (let part = 1; part < starts.length; part++) starts[part] = starts[part - 1]! + counts[part - 1]!;
  const byPart = new Int32Array(triangleCount);
  const filled = starts.slice();
  for (let triangle = 0; triangle < triangleCount; triangle++)
    byPart[filled[partOfTriangle[triangle]!]!++] = triangle;
  const partOfFace = new Int32Array(faces.length).fill(-1);
  for (const [face, triangles] of trianglesByFace)
    if (face >= 0 && face < faces.length && triangles.length > 0)
      partOfFace[face] = partOfTriangle[triangles[0]!]!;
  const sizeMm = Math.hypot(...[0, 1, 2].map((axis) => extentAlong(mesh.positions, axis)));

  const setups: Vector3[] = [];
  const undercutFaces: number[] = [];
  const setupsOfPart: number[] = [];
  // Parts whose every face lies on the file's stock planes have nothing to reach: one setup, as planSetups says.
  const machinedParts = new Set<number>();
  for (const face of faces)
    if (families[face.id] !== "stock" && partOfFace[face.id]! >= 0) machinedParts.add(partOfFace[face.id]!);
  for (let part = 0; part < counts.length; part++) {
    if (counts[part] === 0) continue;
    if (!machinedParts.has(part)) {
      setupsOfPart[part] = 1;
      if (!setups.some((known) => dot(known, [0, 0, 1]) > sameDirectionCosine)) setups.push([0, 0, 1]);
      continue;
    }
    const triangleOf = byPart.subarray(starts[part]!, starts[part]! + counts[part]!);
    const indices = new Uint32Array(triangleOf.length * 3);
    const partCentroids = new Float64Array(triangleOf.length * 3);
    triangleOf.forEach((triangle, next) => {
      indices.set(mesh.indices.subarray(triangle * 3, triangle * 3 + 3), next * 3);
      partCentroids.set(centroids.subarray(triangle * 3, triangle * 3 + 3), next * 3);
    });
    const bvh = buildTriangleBvh(mesh.positions, indices, partCentroids);
    // The tree names the mesh's triangles, so a ray skips the triangle it starts from as over the whole mesh.
    const order = bvh.arrays.tree.order;
    for (let place = 0; place < order.length; place++) order[place] = triangleOf[order[place]!]!;
    const partFamilies = faces.map((face) => (partOfFace[face.id] === part ? families[face.id]! : "stock"));
    const plan = planSetups(faces, partFamilies, mesh, bvh, faceNormals, trianglesByFace, sizeMm);
    setupsOfPart[part] = plan.setups.length;
    undercutFaces.push(...plan.undercutFaces);
    for (const direction of plan.setups)
      if (!setups.some((known) => dot(known, direction) > sameDirectionCosine)) setups.push(direction);
  }
  return { setups, undercut: undercutFaces.length > 0, undercutFaces, setupsOfPart };
}

/** As plan-setups: directions this close are one. */
const sameDirectionCosine = 0.9995;
