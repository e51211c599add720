import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { normalize, type Vector3 } from "./cylinder-geometry";
import { fitCylinder, type CylinderFitScratch, type NormalScatter } from "./fit-cylinder";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { halfEdgeRows } from "./half-edge-rows";
import { weldVertices } from "./weld-vertices";
import { hasCoincidentVertices } from "./has-coincident-vertices";
import { closedMeshMates } from "./closed-mesh-mates";
import { warmOnSmallMesh } from "./small-shape-mesh";
import { scratchInt32Array, scratchUint8Array } from "./scratch-arrays";

/** Facets within this angle (0.05°) of a plane's first facet lie in it: a dense mesh of a curved surface
 * bends more than that from one facet to the next, float32 noise on a flat face much less. */
const coplanarCosine = Math.cos((0.05 * Math.PI) / 180);
/** A curved region whose facets all lie within this angle (0.6°) of one normal is a plane after all. */
const flatRegionCosine = Math.cos((0.6 * Math.PI) / 180);
/** Facets of one smooth surface bend less than this across an edge (a tessellated cylinder's step). */
const smoothBendCosine = Math.cos((25 * Math.PI) / 180);

/**
 * Splits a triangle mesh (STL, OBJ, 3MF) into faces as a B-rep would have them: planes, and cylinders
 * fitted to smooth bands of facets, so holes and flat faces are found on meshes too. Writes a face id
 * per triangle into `mesh.faceIds` and returns the faces (origins in world millimetres). A smooth region
 * that is neither one plane nor one cylinder (a sphere, a free-form surface) stays one face of type
 * "other". Linear in the number of triangles.
 */
export function segmentMesh(
  mesh: DisplayMesh,
  // The display mesh's own measures: welding below merges only identical coordinates, so each triangle's
  // corners keep their values and its normal and area are the same numbers (computed once for the file).
  triangles: Pick<TriangleMeasures, "normals" | "areas" | "edgeMates"> = measureTriangles(
    mesh.positions,
    mesh.indices,
  ),
): BrepFace[] {
  warmOnSmallMesh("segmenting", warmSegmenting);
  const { indices } = mesh;
  const triangleCount = indices.length / 3;
  // A display mesh of distinct vertices is welded already: welding would number them as they are. So is
  // one whose vertices all lie on different points (checked: welding merges only equal coordinates).
  // Unwelded, the float32 positions are read as they are (the same numbers a float64 copy would hold).
  const welded: { positions: ArrayLike<number>; indices: Uint32Array } =
    mesh.distinctVertices || !hasCoincidentVertices(mesh.positions)
      ? { positions: mesh.positions, indices }
      : weldVertices(new Float64Array(mesh.positions), indices);
  const points = welded.positions;
  const corners = welded.indices;
  const { normals, areas } = triangles;
  // The other half-edge across each triangle side (-1 on an open edge). When welding kept every vertex
  // (numbered as they were) the corners are the mesh's own, and a closed, clean mesh's are its edge mates
  // (what `edgeMatesOf` pairs too); the neighbouring triangle is the mate's.
  const mates =
    triangles.edgeMates && points.length === mesh.positions.length
      ? triangles.edgeMates
      : edgeMatesOf(corners, triangleCount, points.length / 3);

  // Each stage's loops are functions of typed arrays and numbers only (no property read before a loop, no
  // object after it): each runs once per file, so code that first ran unoptimised must not meet, once
  // optimised, a step it never saw (that threw it back to the interpreter, boxing every double). Working
  // arrays are kept per thread (scratch-arrays.ts): fresh, their pages cost more than some stages.
  const stack = scratchInt32Array("segmenting stack", triangleCount);
  const plane = scratchInt32Array("segmenting planes", triangleCount).fill(-1);
  // Per plane at most: its flags (`smoothBend`, `band`).
  const flags = scratchUint8Array("segmenting plane flags", triangleCount).fill(0);
  // Per triangle, which sides a region may grow across (see markBands), then whether it is taken.
  const joins = scratchUint8Array("segmenting joins", triangleCount);
  const planeCount = growPlanes(triangleCount, mates, normals, stack, plane, flags, joins);
  markBands(triangleCount, planeCount, plane, flags, areas, mates, joins);
  return growRegions(mesh, joins, mates, triangles, stack, { points, corners });
}

/** Segments the small mesh a few times, without edge mates and with, before this thread's first part. */
function warmSegmenting(mesh: DisplayMesh, triangles: TriangleMeasures): void {
  for (let run = 0; run < 2; run++) segmentMesh(mesh, triangles);
  triangles.edgeMates = closedMeshMates(mesh.indices, mesh.positions.length / 3);
  for (let run = 0; run < 2; run++) segmentMesh(mesh, triangles);
}

/**
 * 1. Planar regions: grown from a seed, every facet compared with the seed's normal (no drift). One
 * stack for every region (each triangle is pushed once): a curved mesh has a region per facet. A plane
 * meeting another at a smooth bend is marked on the way: every side of every facet is looked at once.
 * Each triangle's sides go into `joins`: bits 0–2 the neighbour is in the same plane, bits 4–6 it is in
 * another that it meets at a smooth bend (its normal read here, where it mostly is in cache already).
 */
function growPlanes(
  triangleCount: number,
  mates: Int32Array,
  normals: Float64Array,
  stack: Int32Array,
  plane: Int32Array,
  flags: Uint8Array,
  joins: Uint8Array,
): number {
  let count = 0;
  for (let seed = 0; seed < triangleCount; seed++) {
    if (plane[seed]! >= 0) continue;
    const id = count++;
    plane[seed] = id;
    const sx = normals[seed * 3]!,
      sy = normals[seed * 3 + 1]!,
      sz = normals[seed * 3 + 2]!;
    let bent = false;
    let top = 0;
    stack[top++] = seed;
    while (top > 0) {
      const triangle = stack[--top]!;
      const tx = normals[triangle * 3]!,
        ty = normals[triangle * 3 + 1]!,
        tz = normals[triangle * 3 + 2]!;
      let sides = 0;
      for (let side = 0; side < 3; side++) {
        const mate = mates[triangle * 3 + side]!;
        if (mate < 0) continue;
        const neighbour = (mate / 3) | 0;
        const other = plane[neighbour]!;
        if (other === id) {
          sides |= 1 << side;
          continue;
        }
        const nx = normals[neighbour * 3]!,
          ny = normals[neighbour * 3 + 1]!,
          nz = normals[neighbour * 3 + 2]!;
        // A neighbour not coplanar with the seed now never is: it lies in another plane.
        if (other < 0 && sx * nx + sy * ny + sz * nz >= coplanarCosine) {
          plane[neighbour] = id;
          stack[top++] = neighbour;
          sides |= 1 << side;
        } else if (tx * nx + ty * ny + tz * nz >= smoothBendCosine) {
          bent = true;
          sides |= 16 << side;
        }
      }
      joins[triangle] = sides;
    }
    if (bent) flags[id] = smoothBend;
  }
  return count;
}

/**
 * 2. A plane meeting another at a smooth bend, and small (one or two facets, or under 0.5 % of the
 * surface), is a facet band of a curved surface; bands joined by smooth bends form one curved region.
 * Areas are summed in triangle order. Leaves in `joins`, per triangle, the sides a region grows across
 * (bits 0–2: the neighbour is in the same plane, or both are bands meeting at a smooth bend) and
 * `bandBit` for a band: growing regions then reads one byte per neighbour and no neighbour's normal or
 * plane (each a cache miss on the torus's walk). A region grown from a band takes only bands (a neighbour
 * in the same plane is one too), one grown from a plane only that plane: whether a side is crossed
 * depends on its two triangles alone.
 */
function markBands(
  triangleCount: number,
  count: number,
  plane: Int32Array,
  flags: Uint8Array,
  areas: Float64Array,
  mates: Int32Array,
  joins: Uint8Array,
): void {
  const planeArea = new Float64Array(
    scratchInt32Array("segmenting plane areas", count * 2).buffer,
    0,
    count,
  ).fill(0);
  const planeTriangles = scratchInt32Array("segmenting plane triangles", count).fill(0);
  let totalArea = 0;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const area = areas[triangle]!;
    planeArea[plane[triangle]!]! += area;
    planeTriangles[plane[triangle]!]!++;
    totalArea += area;
  }
  for (let id = 0; id < count; id++)
    if (flags[id] === smoothBend && (planeTriangles[id]! <= 2 || planeArea[id]! < 0.005 * totalArea))
      flags[id] = band;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const sides = joins[triangle]!;
    let bits = sides & 7;
    if (flags[plane[triangle]!] === band) {
      bits |= bandBit;
      for (let side = 0; side < 3; side++)
        if ((sides & (16 << side)) !== 0 && flags[plane[(mates[triangle * 3 + side]! / 3) | 0]!] === band)
          bits |= 1 << side;
    }
    joins[triangle] = bits;
  }
}

/**
 * 3. Regions: a plane that is no band, or bands joined by smooth bends, each grown from its lowest
 * triangle; its area and normal sums are taken in the order grown, and it is fitted when grown. Face
 * ids go into `mesh.faceIds` (every triangle is in a region).
 */
function growRegions(
  mesh: DisplayMesh,
  joins: Uint8Array,
  mates: Int32Array,
  { normals, areas }: Pick<TriangleMeasures, "normals" | "areas">,
  stack: Int32Array,
  welded: { points: ArrayLike<number>; corners: Uint32Array },
): BrepFace[] {
  const triangleCount = stack.length;
  const region = mesh.faceIds;
  const faces: BrepFace[] = [];
  // The region being grown, its triangles in the order grown.
  const members = scratchInt32Array("segmenting region members", triangleCount);
  const scratch: CylinderFitScratch = { vertexCount: welded.points.length / 3 };
  // Area, area-weighted normal (x, y, z), the normals' scatter (xx, xy, xz, yy, yz, zz).
  const sums = new Float64Array(10);
  let regionCount = 0;
  for (let seed = nextSeed(joins, 0, triangleCount); seed < triangleCount;) {
    const id = regionCount++;
    const count = growRegion(seed, id, region, joins, mates, normals, areas, stack, members, sums);
    // A region grown from a plane that is no band is that plane; its seed is the plane's lowest triangle.
    if ((joins[seed]! & bandBit) === 0)
      faces.push({ id, type: "plane", axis: normalAt(normals, seed), areaMm2: sums[0]! });
    else faces.push(fitRegion(id, members, count, sums, normals, welded, scratch, mesh.originMm));
    seed = nextSeed(joins, seed + 1, triangleCount);
  }
  return faces;
}

/** The first triangle from `from` on in no region yet (`triangleCount` when none is left). */
function nextSeed(joins: Uint8Array, from: number, triangleCount: number): number {
  let seed = from;
  while (seed < triangleCount && (joins[seed]! & takenBit) !== 0) seed++;
  return seed;
}

/**
 * Grows region `id` from `seed` (depth first, one stack), its triangles into `members` in the order grown
 * and its sums into `sums` (each added in that order). Returns how many triangles it took. `joins` holds
 * each triangle's sides to cross (markBands), and `takenBit` once the triangle is in a region.
 */
function growRegion(
  seed: number,
  id: number,
  region: Int32Array,
  joins: Uint8Array,
  mates: Int32Array,
  normals: Float64Array,
  areas: Float64Array,
  stack: Int32Array,
  members: Int32Array,
  sums: Float64Array,
): number {
  region[seed] = id;
  joins[seed] = joins[seed]! | takenBit;
  let top = 0;
  stack[top++] = seed;
  let count = 0;
  let area = 0;
  let x = 0,
    y = 0,
    z = 0;
  let xx = 0,
    xy = 0,
    xz = 0,
    yy = 0,
    yz = 0,
    zz = 0;
  while (top > 0) {
    const triangle = stack[--top]!;
    members[count++] = triangle;
    const weight = areas[triangle]!;
    const nx = normals[triangle * 3]!,
      ny = normals[triangle * 3 + 1]!,
      nz = normals[triangle * 3 + 2]!;
    area += weight;
    x += nx * weight;
    y += ny * weight;
    z += nz * weight;
    xx += weight * nx * nx;
    xy += weight * nx * ny;
    xz += weight * nx * nz;
    yy += weight * ny * ny;
    yz += weight * ny * nz;
    zz += weight * nz * nz;
    const sides = joins[triangle]!;
    for (let side = 0; side < 3; side++) {
      if ((sides & (1 << side)) === 0) continue;
      const neighbour = (mates[triangle * 3 + side]! / 3) | 0;
      const neighbourJoins = joins[neighbour]!;
      if ((neighbourJoins & takenBit) !== 0) continue;
      joins[neighbour] = neighbourJoins | takenBit;
      region[neighbour] = id;
      stack[top++] = neighbour;
    }
  }
  sums[0] = area;
  sums[1] = x;
  sums[2] = y;
  sums[3] = z;
  sums[4] = xx;
  sums[5] = xy;
  sums[6] = xz;
  sums[7] = yy;
  sums[8] = yz;
  sums[9] = zz;
  return count;
}

/** A curved region's face: a cylinder, a plane after all, or free-form ("other"). */
function fitRegion(
  id: number,
  members: Int32Array,
  count: number,
  // Area, area-weighted normal (x, y, z) and the normals' scatter (xx, xy, xz, yy, yz, zz).
  sums: Float64Array,
  normals: Float64Array,
  { points, corners }: { points: ArrayLike<number>; corners: Uint32Array },
  scratch: CylinderFitScratch,
  origin: Vector3,
): BrepFace {
  const area = sums[0]!;
  const scatter: NormalScatter = [sums[4]!, sums[5]!, sums[6]!, sums[7]!, sums[8]!, sums[9]!];
  const cylinder = fitCylinder(members, count, id, scatter, normals, points, corners, scratch);
  if (cylinder)
    return {
      id,
      type: "cylinder",
      axis: cylinder.axis,
      originMm: [
        cylinder.centre[0] + origin[0],
        cylinder.centre[1] + origin[1],
        cylinder.centre[2] + origin[2],
      ],
      radiusMm: cylinder.radius,
      areaMm2: area,
    };
  const flat = flatNormal(members, count, normals, normalize([sums[1]!, sums[2]!, sums[3]!]));
  return flat ? { id, type: "plane", axis: flat, areaMm2: area } : { id, type: "other", areaMm2: area };
}

/** Plane flags: meets another plane at a smooth bend; is a band of a curved surface. */
const smoothBend = 1;
const band = 2;
/** `joins` bits beside the three sides': the triangle is in a band; it is in a region already. */
const bandBit = 8;
const takenBit = 128;

/** `mean` (the area-weighted normal) when the region's facets all lie within 0.6° of it, else undefined. */
function flatNormal(
  members: Int32Array,
  count: number,
  normals: Float64Array,
  mean: Vector3,
): Vector3 | undefined {
  for (let index = 0; index < count; index++)
    if (!(dotAt(normals, members[index]!, mean) >= flatRegionCosine)) return undefined;
  return mean;
}

/** The triangle's normal · `direction`, without making a vector per triangle. */
function dotAt(normals: Float64Array, triangle: number, direction: Vector3): number {
  return (
    normals[triangle * 3]! * direction[0] +
    normals[triangle * 3 + 1]! * direction[1] +
    normals[triangle * 3 + 2]! * direction[2]
  );
}

function normalAt(normals: Float64Array, triangle: number): Vector3 {
  return [normals[triangle * 3]!, normals[triangle * 3 + 1]!, normals[triangle * 3 + 2]!];
}

/**
 * For each half-edge (triangle · 3 + side), the other half-edge of its edge (-1 on an open edge). The
 * half-edges of one edge are paired in triangle order, first with second, third with fourth: on a
 * non-manifold edge an odd one out has none.
 */
function edgeMatesOf(corners: Uint32Array, triangleCount: number, vertexCount: number): Int32Array {
  const mates = new Int32Array(triangleCount * 3).fill(-1);
  const { rowStart, halfEdges, high } = halfEdgeRows(corners, vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const end = rowStart[vertex + 1]!;
    let position = rowStart[vertex]!;
    while (position + 1 < end) {
      if (high[position] !== high[position + 1]) {
        position++;
        continue;
      }
      const first = halfEdges[position]!;
      const second = halfEdges[position + 1]!;
      mates[first] = second;
      mates[second] = first;
      position += 2;
    }
  }
  return mates;
}
