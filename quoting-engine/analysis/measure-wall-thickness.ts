import type { DisplayMesh } from "./analyze-model";
import { fillWallThicknessAcrossMates } from "./fill-wall-thickness-across-mates";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { scratchInt32Array, scratchUint8Array } from "./scratch-arrays";
import { bodiesInTree, castRayWithinBody } from "./cast-ray-within-body";
import { buildTriangleBvh, castRayIntoTree, type TriangleBvh } from "./triangle-bvh";
import {
  buildTriangleNeighbours,
  neighboursAcrossMates,
  type TriangleNeighbours,
} from "./triangle-neighbours";

export interface WallThicknessMap {
  /** Local wall thickness per triangle, mm; NaN where the triangle is no wall (sharp edge, thread crest). */
  thicknessMm: Float32Array;
  /** Triangles that cast rays themselves (the rest took a sampled neighbour's value on huge meshes). */
  sampledTriangles: number;
  neighbours: TriangleNeighbours;
}

/** Rays start this far inside the surface so they never hit the triangle they start on. */
const startOffsetMm = 1e-6;
/** Half the opening angle of the cone of rays around the inward normal (see decision 0034). */
const coneHalfAngleRad = (12 * Math.PI) / 180;
/** Rays on the cone's rim, plus the one along the inward normal. */
const rimRays = 4;
/**
 * The feature-size floor, part 1: the wall where a ray leaves must face back within 28° of the ray's
 * own wall. Two faces meeting at a wider angle (a 60° thread crest, a 30° tooth against the part's end
 * face, a chamfered tip) make no wall: their distance shrinks to zero at the edge by geometry, and every
 * process rounds it. A 12° cone on a round limb turns the exit normal by 24°, still inside.
 */
const minimumOppositeCosine = Math.cos((28 * Math.PI) / 180);
/**
 * The feature-size floor, part 2: an exit closer than this is a tangent contact, a coincident face or a
 * sliver facet, not a wall (no process resolves 0.02 mm).
 */
export const wallFloorMm = 0.02;
/** Rays that must leave through a facing wall for the triangle to count as a wall. */
const minimumValidRays = 3;
/** Thicker than every process limit by far: the centre ray's reading stands alone (saves the cone's four). */
const trustedThicknessMm = 3;
/** At most this many triangles cast rays (5 each); larger meshes are sampled evenly. */
const maxSampledTriangles = 25_000;

/**
 * Local wall thickness of every triangle: from its centre, five rays into the material (along the
 * inverted normal and four on a 12° cone around it) to where they leave again, each projected onto the
 * normal; the triangle's value is the median of the rays that leave through a wall facing back. Too few
 * such rays (fewer than three) leave it NaN. This is the shape diameter function of Shapira et al.
 * (2008) with a narrow cone and an opposite-wall test, so thread crests and sharp edges drop out instead
 * of reading 0 mm. The mesh must be closed and outward-oriented. Beyond 25,000 triangles every n-th
 * triangle casts rays and the others take a measured neighbour's value.
 */
export function measureWallThickness(
  mesh: DisplayMesh,
  triangles: TriangleMeasures = measureTriangles(mesh.positions, mesh.indices),
  bvh: TriangleBvh = buildTriangleBvh(mesh.positions, mesh.indices, triangles.centroids),
  neighbours: TriangleNeighbours = triangles.edgeMates
    ? neighboursAcrossMates(triangles.edgeMates)
    : buildTriangleNeighbours(mesh.indices),
  /**
   * Per body (index into the report's bodies, as `mesh.bodyIds`), the body whose material it bounds: its
   * own index, or for a void's wall the body around the void. Without it every body is its own.
   */
  materialOfBody?: ArrayLike<number>,
  /** At most this many triangles cast rays (the rest take a neighbour's value); smaller only to warm up. */
  sampleLimit = maxSampledTriangles,
): WallThicknessMap {
  const triangleCount = mesh.indices.length / 3;
  const thicknessMm = new Float32Array(triangleCount).fill(Number.NaN);
  // Marks of the triangles holding a value (cast, then filled from a neighbour).
  const sampled = scratchUint8Array("wall thickness sampled", triangleCount).fill(0);
  const stride = Math.max(1, Math.ceil(triangleCount / sampleLimit));
  const rays = coneDirections();
  const values = new Float64Array(rays.length / 3);
  // Origin, direction and the hit's distance, reused by every ray (`castRayIntoTree`).
  const ray = new Float64Array(7);
  const { normals, centroids } = triangles;
  // Several bodies (an assembly, shells that touch or overlap): a ray measures the body it starts in.
  // (Meshes made in tests without bodies are one body.)
  const bodyIds = mesh.bodyIds as Uint32Array | undefined;
  const several = bodyIds !== undefined && bodyIds.some((body) => body !== bodyIds[0]);
  const materialOf = several ? materialOfEachTriangle(bodyIds!, materialOfBody) : undefined;
  const bodies = materialOf && bodiesInTree(bvh.arrays.tree, materialOf);
  let sampledTriangles = 0;
  // Every stride-th triangle casts, in the tree's order: neighbouring rays then share the nodes they visit.
  const castingOrder = bvh.triangleOrder;
  for (let position = 0; position < castingOrder.length; position++) {
    const triangle = castingOrder[position]!;
    if (triangle % stride !== 0) continue;
    const nx = normals[triangle * 3]!,
      ny = normals[triangle * 3 + 1]!,
      nz = normals[triangle * 3 + 2]!;
    sampled[triangle] = 1;
    sampledTriangles++;
    if (nx === 0 && ny === 0 && nz === 0) continue; // degenerate triangle: no direction
    // An orthonormal frame (u, v, -n) around the inward normal.
    const steep = Math.abs(nx) < 0.9;
    const ux = steep ? 0 : -nz,
      uy = steep ? nz : 0,
      uz = steep ? -ny : nx;
    const uLength = Math.hypot(ux, uy, uz);
    const u0 = ux / uLength,
      u1 = uy / uLength,
      u2 = uz / uLength;
    const v0 = ny * u2 - nz * u1,
      v1 = nz * u0 - nx * u2,
      v2 = nx * u1 - ny * u0;
    ray[0] = centroids[triangle * 3]! - nx * startOffsetMm;
    ray[1] = centroids[triangle * 3 + 1]! - ny * startOffsetMm;
    ray[2] = centroids[triangle * 3 + 2]! - nz * startOffsetMm;
    const material = materialOf ? materialOf[triangle]! : 0;
    let valid = 0;
    for (let cone = 0; cone < rays.length; cone += 3) {
      // Stop once three valid rays are out of reach: the triangle is no wall.
      if (valid + (rays.length - cone) / 3 < minimumValidRays) break;
      const along = rays[cone + 2]!; // cosine of the ray to the inward normal
      ray[3] = u0 * rays[cone]! + v0 * rays[cone + 1]! - nx * along;
      ray[4] = u1 * rays[cone]! + v1 * rays[cone + 1]! - ny * along;
      ray[5] = u2 * rays[cone]! + v2 * rays[cone + 1]! - nz * along;
      // Several bodies (a bolt pressed into its hole, a face shared with a neighbour): only this body's
      // surfaces end the ray; the others' are no wall of it, however close.
      const hit = several
        ? castRayWithinBody(bvh.arrays.tree, bodies!, ray, triangle, material)
        : castRayIntoTree(bvh, ray, triangle, Infinity);
      if (hit < 0) continue;
      const facing = -(normals[hit * 3]! * nx + normals[hit * 3 + 1]! * ny + normals[hit * 3 + 2]! * nz);
      const across = (ray[6]! + startOffsetMm) * along;
      // A thick reading along the normal needs no second opinion, whatever it meets: only thin readings
      // can be false alarms (and a thick round hull would otherwise read "no wall").
      if (cone === 0 && across >= trustedThicknessMm) {
        values[valid++] = across;
        break;
      }
      if (facing < minimumOppositeCosine || across < wallFloorMm) continue;
      values[valid++] = across;
    }
    if (valid >= minimumValidRays || (valid === 1 && values[0]! >= trustedThicknessMm))
      thicknessMm[triangle] = medianOf(values, valid);
  }
  if (stride > 1) fillFromNeighbours(thicknessMm, sampled, neighbours);
  return { thicknessMm, sampledTriangles, neighbours };
}

/** Per triangle, the body whose material it bounds (`materialOfBody` of its body, else its body). */
function materialOfEachTriangle(bodyIds: Uint32Array, materialOfBody?: ArrayLike<number>): Int32Array {
  const materials = new Int32Array(bodyIds.length);
  for (let triangle = 0; triangle < bodyIds.length; triangle++)
    materials[triangle] = materialOfBody ? materialOfBody[bodyIds[triangle]!]! : bodyIds[triangle]!;
  return materials;
}

/** Ray directions in the frame (u, v, inward normal): the axis, then `rimRays` on the cone. */
function coneDirections(): Float64Array {
  const directions = new Float64Array((rimRays + 1) * 3);
  directions[2] = 1;
  for (let ray = 0; ray < rimRays; ray++) {
    const angle = (2 * Math.PI * ray) / rimRays;
    directions[(ray + 1) * 3] = Math.sin(coneHalfAngleRad) * Math.cos(angle);
    directions[(ray + 1) * 3 + 1] = Math.sin(coneHalfAngleRad) * Math.sin(angle);
    directions[(ray + 1) * 3 + 2] = Math.cos(coneHalfAngleRad);
  }
  return directions;
}

/** Median of the first `count` values (sorted in place; at most five). */
function medianOf(values: Float64Array, count: number): number {
  for (let i = 1; i < count; i++) {
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
  return count % 2 === 1 ? values[(count - 1) / 2]! : (values[count / 2 - 1]! + values[count / 2]!) / 2;
}

/**
 * Unsampled triangles take the value of the nearest sampled one across edges (breadth first); on a
 * closed mesh with edge mates, level by level in triangle order (the same values).
 */
function fillFromNeighbours(
  thicknessMm: Float32Array,
  sampled: Uint8Array,
  { offsets, neighbours, edgeMates }: TriangleNeighbours,
): void {
  if (edgeMates) {
    fillWallThicknessAcrossMates(thicknessMm, sampled, edgeMates);
    return;
  }
  const queue = scratchInt32Array("triangle words 3", thicknessMm.length);
  let head = 0;
  let tail = 0;
  for (let triangle = 0; triangle < thicknessMm.length; triangle++)
    if (sampled[triangle]) queue[tail++] = triangle;
  while (head < tail) {
    const triangle = queue[head++]!;
    const value = thicknessMm[triangle]!;
    for (let index = offsets[triangle]!; index < offsets[triangle + 1]!; index++) {
      const next = neighbours[index]!;
      if (sampled[next]) continue;
      sampled[next] = 1;
      thicknessMm[next] = value;
      queue[tail++] = next;
    }
  }
}
