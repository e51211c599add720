/** Triangle t's corners, x y z each, into `out` (9 numbers): read once for all the layers it crosses. */
export function loadTriangle(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  t: number,
  out: Float64Array,
): void {
  for (let k = 0; k < 3; k++) {
    const p = indices[t * 3 + k]! * 3;
    out[k * 3] = positions[p]!;
    out[k * 3 + 1] = positions[p + 1]!;
    out[k * 3 + 2] = positions[p + 2]!;
  }
}

/**
 * Intersects a triangle (its corners from `loadTriangle`) with the plane z; the two points and the
 * edges they lie on (`edgeIds` of triangle t's sides, side k running corner k → k + 1). The two sides
 * cut go into `cuts` at slot `cutSlot` (12 numbers: x, y, z, and the rise to the far corner in z, x, y,
 * of each), so `pointsOnCuts` can cut them again at another height with the same arithmetic.
 */
export function sliceLoadedTriangle(
  corners: Float64Array,
  edgeIds: Int32Array,
  t: number,
  z: number,
  out: Float64Array,
  outEdges: Int32Array,
  cuts: Float64Array,
  cutSlot: number,
): boolean {
  let found = 0;
  for (let k = 0; k < 3 && found < 2; k++) {
    const p = k * 3;
    const q = k === 2 ? 0 : p + 3;
    const zp = corners[p + 2]!;
    const zq = corners[q + 2]!;
    if (zp <= z === zq <= z) continue;
    const cut = cutSlot * 12 + found * 6;
    cuts[cut] = corners[p]!;
    cuts[cut + 1] = corners[p + 1]!;
    cuts[cut + 2] = zp;
    cuts[cut + 3] = zq - zp;
    cuts[cut + 4] = corners[q]! - corners[p]!;
    cuts[cut + 5] = corners[q + 1]! - corners[p + 1]!;
    outEdges[found] = edgeIds[t * 3 + k]!;
    found++;
  }
  if (found !== 2) return false;
  pointsOnCuts(cuts, cutSlot, z, out);
  return true;
}

/** The two points where the plane z meets the sides kept in `cuts` at `cutSlot`. */
export function pointsOnCuts(cuts: Float64Array, cutSlot: number, z: number, out: Float64Array): void {
  for (let found = 0; found < 2; found++) {
    const cut = cutSlot * 12 + found * 6;
    const f = (z - cuts[cut + 2]!) / cuts[cut + 3]!;
    out[found * 3] = cuts[cut]! + f * cuts[cut + 4]!;
    out[found * 3 + 1] = cuts[cut + 1]! + f * cuts[cut + 5]!;
  }
}
