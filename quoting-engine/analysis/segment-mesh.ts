import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, normalize, type Vector3 } from "./cylinder-geometry";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { halfEdgeRows } from "./half-edge-rows";
import { neighbourAcrossMates } from "./closed-mesh-mates";
import { weldVertices } from "./weld-vertices";
import { hasCoincidentVertices } from "./has-coincident-vertices";

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
  // When welding kept every vertex (numbered as they were) the corners are the mesh's own, and a
  // closed, clean mesh's neighbours are its edge mates' triangles (what `edgeNeighbours` pairs too).
  const neighbours =
    triangles.edgeMates && points.length === mesh.positions.length
      ? neighbourAcrossMates(triangles.edgeMates)
      : edgeNeighbours(corners, triangleCount, points.length / 3);
  const cosine = (first: number, second: number) =>
    normals[first * 3]! * normals[second * 3]! +
    normals[first * 3 + 1]! * normals[second * 3 + 1]! +
    normals[first * 3 + 2]! * normals[second * 3 + 2]!;

  // 1. Planar regions: grown from a seed, every facet compared with the seed's normal (no drift).
  // One stack for every region (each triangle is pushed once): a curved mesh has a region per facet.
  const stack = new Int32Array(triangleCount);
  const plane = new Int32Array(triangleCount).fill(-1);
  const planeSeeds = new Int32Array(triangleCount);
  let planeCount = 0;
  for (let seed = 0; seed < triangleCount; seed++) {
    if (plane[seed]! >= 0) continue;
    const id = planeCount++;
    planeSeeds[id] = seed;
    plane[seed] = id;
    let top = 0;
    stack[top++] = seed;
    while (top > 0) {
      const triangle = stack[--top]!;
      for (let side = 0; side < 3; side++) {
        const neighbour = neighbours[triangle * 3 + side]!;
        if (neighbour < 0 || plane[neighbour]! >= 0 || cosine(seed, neighbour) < coplanarCosine) continue;
        plane[neighbour] = id;
        stack[top++] = neighbour;
      }
    }
  }
  const planeArea = new Float64Array(planeCount);
  const planeTriangles = new Uint32Array(planeCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    planeArea[plane[triangle]!]! += areas[triangle]!;
    planeTriangles[plane[triangle]!]!++;
  }

  // 2. A plane meeting another at a smooth bend, and small (one or two facets, or under 0.5 % of the
  // surface), is a facet band of a curved surface; bands joined by smooth bends form one curved region.
  let totalArea = 0;
  for (const area of areas) totalArea += area;
  const bendsSmoothly = new Uint8Array(planeCount);
  for (let triangle = 0; triangle < triangleCount; triangle++)
    for (let side = 0; side < 3; side++) {
      const neighbour = neighbours[triangle * 3 + side]!;
      if (
        neighbour >= 0 &&
        plane[neighbour] !== plane[triangle] &&
        cosine(triangle, neighbour) >= smoothBendCosine
      )
        bendsSmoothly[plane[triangle]!] = 1;
    }
  const isBand = (id: number) =>
    bendsSmoothly[id] === 1 && (planeTriangles[id]! <= 2 || planeArea[id]! < 0.005 * totalArea);
  const region = new Int32Array(triangleCount).fill(-1);
  const faces: BrepFace[] = [];
  // Each region's triangles in the order grown, one region after another: region r is
  // members[memberStart[r] .. memberStart[r + 1]).
  const members = new Int32Array(triangleCount);
  const memberStart = new Int32Array(triangleCount + 1);
  let regionCount = 0;
  let memberCount = 0;
  for (let seed = 0; seed < triangleCount; seed++) {
    if (region[seed]! >= 0) continue;
    const id = regionCount++;
    memberStart[id] = memberCount;
    region[seed] = id;
    let top = 0;
    stack[top++] = seed;
    const band = isBand(plane[seed]!);
    while (top > 0) {
      const triangle = stack[--top]!;
      members[memberCount++] = triangle;
      for (let side = 0; side < 3; side++) {
        const neighbour = neighbours[triangle * 3 + side]!;
        if (neighbour < 0 || region[neighbour]! >= 0) continue;
        const samePlane = plane[neighbour] === plane[triangle];
        const smoothBand =
          band && isBand(plane[neighbour]!) && cosine(triangle, neighbour) >= smoothBendCosine;
        if (!samePlane && !smoothBand) continue;
        region[neighbour] = id;
        stack[top++] = neighbour;
      }
    }
  }

  // 3. Fit each region: one plane, a cylinder, or free-form.
  const origin = mesh.originMm;
  memberStart[regionCount] = memberCount;
  for (let id = 0; id < regionCount; id++) {
    const triangles = members.subarray(memberStart[id], memberStart[id + 1]);
    let area = 0;
    for (const triangle of triangles) area += areas[triangle]!;
    const single = triangles.every((triangle) => plane[triangle] === plane[triangles[0]!]);
    if (single && !isBand(plane[triangles[0]!]!)) {
      const seed = planeSeeds[plane[triangles[0]!]!]!;
      faces.push({ id, type: "plane", axis: normalAt(normals, seed), areaMm2: area });
      continue;
    }
    const cylinder = fitCylinder(triangles, normals, areas, points, corners);
    if (cylinder) {
      faces.push({
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
      });
      continue;
    }
    const flat = flatNormal(triangles, normals, areas);
    faces.push(
      flat ? { id, type: "plane", axis: flat, areaMm2: area } : { id, type: "other", areaMm2: area },
    );
  }
  mesh.faceIds.set(region);
  return faces;
}

/** The area-weighted normal of facets that all lie within 0.6° of it, else undefined. */
function flatNormal(triangles: Int32Array, normals: Float64Array, areas: Float64Array): Vector3 | undefined {
  let x = 0,
    y = 0,
    z = 0;
  for (const triangle of triangles) {
    const area = areas[triangle]!;
    x += normals[triangle * 3]! * area;
    y += normals[triangle * 3 + 1]! * area;
    z += normals[triangle * 3 + 2]! * area;
  }
  const mean = normalize([x, y, z]);
  return triangles.every((triangle) => dotAt(normals, triangle, mean) >= flatRegionCosine) ? mean : undefined;
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
 * For each triangle side, the triangle across it (-1 on an open edge). The half-edges of one edge are
 * paired in triangle order, first with second, third with fourth: on a non-manifold edge an odd one out
 * has none.
 */
function edgeNeighbours(corners: Uint32Array, triangleCount: number, vertexCount: number): Int32Array {
  const neighbours = new Int32Array(triangleCount * 3).fill(-1);
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
      neighbours[first] = (second / 3) | 0;
      neighbours[second] = (first / 3) | 0;
      position += 2;
    }
  }
  return neighbours;
}

/**
 * A cylinder through the region's vertices: the axis is the direction square to every facet normal
 * (smallest eigenvector of the normals' scatter), the centre and radius a least-squares circle of the
 * vertices projected along it. Undefined when the facets do not wrap one axis or the circle misfits.
 */
function fitCylinder(
  triangles: Int32Array,
  normals: Float64Array,
  areas: Float64Array,
  points: ArrayLike<number>,
  corners: Uint32Array,
): { axis: Vector3; centre: Vector3; radius: number } | undefined {
  let xx = 0,
    xy = 0,
    xz = 0,
    yy = 0,
    yz = 0,
    zz = 0;
  for (const triangle of triangles) {
    const x = normals[triangle * 3]!;
    const y = normals[triangle * 3 + 1]!;
    const z = normals[triangle * 3 + 2]!;
    const weight = areas[triangle]!;
    xx += weight * x * x;
    xy += weight * x * y;
    xz += weight * x * z;
    yy += weight * y * y;
    yz += weight * y * z;
    zz += weight * z * z;
  }
  const axis = smallestEigenvector([xx, xy, xz, yy, yz, zz]);
  if (!triangles.every((triangle) => Math.abs(dotAt(normals, triangle, axis)) < 0.02)) return undefined;
  const reference: Vector3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = normalize([
    reference[0] - axis[0] * dot(reference, axis),
    reference[1] - axis[1] * dot(reference, axis),
    reference[2] - axis[2] * dot(reference, axis),
  ]);
  const v: Vector3 = [
    axis[1] * u[2] - axis[2] * u[1],
    axis[2] * u[0] - axis[0] * u[2],
    axis[0] * u[1] - axis[1] * u[0],
  ];
  const seen = new Set<number>();
  const projected: [number, number][] = [];
  for (const triangle of triangles)
    for (let corner = 0; corner < 3; corner++) {
      const vertex = corners[triangle * 3 + corner]!;
      if (seen.has(vertex)) continue;
      seen.add(vertex);
      const point: Vector3 = [points[vertex * 3]!, points[vertex * 3 + 1]!, points[vertex * 3 + 2]!];
      projected.push([dot(point, u), dot(point, v)]);
    }
  const circle = fitCircle(projected);
  if (!circle || circle.radius <= 0) return undefined;
  const worst = Math.max(
    ...projected.map(([x, y]) => Math.abs(Math.hypot(x - circle.x, y - circle.y) - circle.radius)),
  );
  if (worst > 1e-3 * circle.radius + 2e-3) return undefined;
  return {
    axis,
    centre: [
      u[0] * circle.x + v[0] * circle.y,
      u[1] * circle.x + v[1] * circle.y,
      u[2] * circle.x + v[2] * circle.y,
    ],
    radius: circle.radius,
  };
}

/** Least-squares circle (Kåsa): solves for centre and radius from x² + y² = 2ax + 2by + c. */
function fitCircle(points: [number, number][]): { x: number; y: number; radius: number } | undefined {
  if (points.length < 3) return undefined;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let suu = 0,
    suv = 0,
    svv = 0,
    suuu = 0,
    svvv = 0,
    suvv = 0,
    svuu = 0;
  for (const [px, py] of points) {
    const x = px - meanX;
    const y = py - meanY;
    suu += x * x;
    suv += x * y;
    svv += y * y;
    suuu += x * x * x;
    svvv += y * y * y;
    suvv += x * y * y;
    svuu += y * x * x;
  }
  const determinant = suu * svv - suv * suv;
  if (Math.abs(determinant) < 1e-12) return undefined;
  const right1 = (suuu + suvv) / 2;
  const right2 = (svvv + svuu) / 2;
  const cx = (right1 * svv - right2 * suv) / determinant;
  const cy = (suu * right2 - suv * right1) / determinant;
  const radius = Math.sqrt(cx * cx + cy * cy + (suu + svv) / points.length);
  return { x: cx + meanX, y: cy + meanY, radius };
}

/** Eigenvector of the smallest eigenvalue of a symmetric 3 × 3 matrix, by Jacobi rotations. */
function smallestEigenvector(scatter: number[]): Vector3 {
  const a = [
    [scatter[0]!, scatter[1]!, scatter[2]!],
    [scatter[1]!, scatter[3]!, scatter[4]!],
    [scatter[2]!, scatter[4]!, scatter[5]!],
  ];
  const vectors = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < 3; p++) for (let q = p + 1; q < 3; q++) off += a[p]![q]! ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < 3; p++)
      for (let q = p + 1; q < 3; q++) {
        if (Math.abs(a[p]![q]!) < 1e-30) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 3; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < 3; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 3; k++) {
          const vkp = vectors[k]![p]!;
          const vkq = vectors[k]![q]!;
          vectors[k]![p] = c * vkp - s * vkq;
          vectors[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  const diagonal = [a[0]![0]!, a[1]![1]!, a[2]![2]!];
  const smallest = diagonal.indexOf(Math.min(...diagonal));
  const vector = normalize([vectors[0]![smallest]!, vectors[1]![smallest]!, vectors[2]![smallest]!]);
  // One sign for all: the largest component positive.
  const largest = vector.reduce(
    (best, value, index) => (Math.abs(value) > Math.abs(vector[best]!) ? index : best),
    0,
  );
  return vector[largest]! < 0 ? [-vector[0] + 0, -vector[1] + 0, -vector[2] + 0] : vector;
}
