import type { OrientedBody } from "./split-and-orient-bodies";

/** How far beside an open piece's triangle a point is taken to ask which side the material is on. */
const besideMm = 0.01;
/** A ray direction no axis-aligned face or edge lies along (as findEnclosedBodies casts). */
const rayX = 0.5773;
const rayY = 0.5779;
const rayZ = 0.5767;
/** Above this many point-triangle tests the question is not asked (the pieces stay open surfaces). */
const maxTests = 50_000_000;

/**
 * Which open bodies of one welded mesh lie on or in its solid bodies: every triangle has material on at
 * least one side (a point `besideMm` off its centre, along or against its normal, is inside a closed body
 * with volume). Bodies exported touching (a multi-material print: a faceplate and its inlay) share faces
 * whose two triangulations do not match everywhere; removing the coincident opposite pairs joins them
 * and leaves the unmatched bits as open slivers inside the joined solid or on its skin. They are no
 * surface of the part: a slicer never sees them, and they must not make the file "open surfaces that
 * cannot be made". An open surface standing free (a sheet beside a solid, a missing wall) has air on both
 * sides and stays. Returns the indices of such bodies in `bodies`; `holdsMaterial` says which closed
 * bodies enclose volume (flat shells do not). Parity of a ray's crossings, no acceleration structure: the
 * pieces are few, and a file where the tests would exceed `maxTests` keeps its pieces as they are.
 */
export function openPiecesWithinSolids(
  positions: Float64Array,
  bodies: readonly OrientedBody[],
  holdsMaterial: (body: OrientedBody) => boolean,
): Set<number> {
  const within = new Set<number>();
  const solids = bodies.filter((body) => body.closed && holdsMaterial(body));
  const openBodies = bodies.flatMap((body, index) => (body.closed ? [] : [index]));
  if (solids.length === 0 || openBodies.length === 0) return within;
  const solidTriangles = solids.reduce((sum, body) => sum + body.indices.length / 3, 0);
  const openTriangles = openBodies.reduce((sum, index) => sum + bodies[index]!.indices.length / 3, 0);
  if (2 * openTriangles * solidTriangles > maxTests) return within;

  for (const index of openBodies) {
    const { indices } = bodies[index]!;
    let allTouchMaterial = indices.length > 0;
    for (let corner = 0; corner < indices.length && allTouchMaterial; corner += 3) {
      const a = indices[corner]! * 3;
      const b = indices[corner + 1]! * 3;
      const c = indices[corner + 2]! * 3;
      const ux = positions[b]! - positions[a]!;
      const uy = positions[b + 1]! - positions[a + 1]!;
      const uz = positions[b + 2]! - positions[a + 2]!;
      const vx = positions[c]! - positions[a]!;
      const vy = positions[c + 1]! - positions[a + 1]!;
      const vz = positions[c + 2]! - positions[a + 2]!;
      let nx = uy * vz - uz * vy;
      let ny = uz * vx - ux * vz;
      let nz = ux * vy - uy * vx;
      const length = Math.hypot(nx, ny, nz);
      if (length === 0) continue; // a collinear triangle has no sides: it decides nothing
      nx /= length;
      ny /= length;
      nz /= length;
      const cx = (positions[a]! + positions[b]! + positions[c]!) / 3;
      const cy = (positions[a + 1]! + positions[b + 1]! + positions[c + 1]!) / 3;
      const cz = (positions[a + 2]! + positions[b + 2]! + positions[c + 2]!) / 3;
      allTouchMaterial =
        insideAnySolid(positions, solids, cx + nx * besideMm, cy + ny * besideMm, cz + nz * besideMm) ||
        insideAnySolid(positions, solids, cx - nx * besideMm, cy - ny * besideMm, cz - nz * besideMm);
    }
    if (allTouchMaterial) within.add(index);
  }
  return within;
}

function insideAnySolid(
  positions: Float64Array,
  solids: readonly OrientedBody[],
  x: number,
  y: number,
  z: number,
): boolean {
  for (const solid of solids) {
    const { min, max } = solid.measures;
    if (x < min[0] || x > max[0] || y < min[1] || y > max[1] || z < min[2] || z > max[2]) continue;
    if (crossings(positions, solid.indices, x, y, z) % 2 === 1) return true;
  }
  return false;
}

/** Möller–Trumbore: how many triangles the ray from (x, y, z) along the fixed direction crosses. */
function crossings(positions: Float64Array, indices: Uint32Array, x: number, y: number, z: number): number {
  let count = 0;
  for (let corner = 0; corner < indices.length; corner += 3) {
    const a = indices[corner]! * 3;
    const b = indices[corner + 1]! * 3;
    const c = indices[corner + 2]! * 3;
    const ax = positions[a]!;
    const ay = positions[a + 1]!;
    const az = positions[a + 2]!;
    const e1x = positions[b]! - ax;
    const e1y = positions[b + 1]! - ay;
    const e1z = positions[b + 2]! - az;
    const e2x = positions[c]! - ax;
    const e2y = positions[c + 1]! - ay;
    const e2z = positions[c + 2]! - az;
    const px = rayY * e2z - rayZ * e2y;
    const py = rayZ * e2x - rayX * e2z;
    const pz = rayX * e2y - rayY * e2x;
    const determinant = e1x * px + e1y * py + e1z * pz;
    if (Math.abs(determinant) < 1e-18) continue;
    const tx = x - ax;
    const ty = y - ay;
    const tz = z - az;
    const u = (tx * px + ty * py + tz * pz) / determinant;
    if (u < 0 || u > 1) continue;
    const qx = ty * e1z - tz * e1y;
    const qy = tz * e1x - tx * e1z;
    const qz = tx * e1y - ty * e1x;
    const v = (rayX * qx + rayY * qy + rayZ * qz) / determinant;
    if (v < 0 || u + v > 1) continue;
    if ((e2x * qx + e2y * qy + e2z * qz) / determinant > 0) count++;
  }
  return count;
}
