/**
 * Triangle t's normal projected on the plate, unit length (zero for a flat triangle), as an x, y pair into
 * `normals`; and into `runs` the horizontal run of its slope over one layer of h (h |n_z| / |n_xy|,
 * Infinity for a flat one), signed like n_z (positive facing up). Called in the slicing's first pass over
 * the triangles, for the contours, skins and steps. Takes h from and puts the triangle's area projected
 * on the plate into `facts` (`skinArea`'s slots 7 and 0): no number passed or returned on its own,
 * which a call that is not inlined boxes on the heap.
 */
export function horizontalNormal(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  t: number,
  facts: Float64Array,
  normals: Float64Array,
  runs: Float64Array,
): void {
  const h = facts[7]!;
  const a = indices[t * 3]! * 3;
  const b = indices[t * 3 + 1]! * 3;
  const c = indices[t * 3 + 2]! * 3;
  const ux = positions[b]! - positions[a]!;
  const uy = positions[b + 1]! - positions[a + 1]!;
  const uz = positions[b + 2]! - positions[a + 2]!;
  const vx = positions[c]! - positions[a]!;
  const vy = positions[c + 1]! - positions[a + 1]!;
  const vz = positions[c + 2]! - positions[a + 2]!;
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  const length = Math.sqrt(nx * nx + ny * ny);
  if (length > 0) {
    normals[t * 2] = nx / length;
    normals[t * 2 + 1] = ny / length;
    runs[t] = (h * nz) / length;
  } else runs[t] = nz >= 0 ? Infinity : -Infinity;
  facts[0] = nz / 2;
}
