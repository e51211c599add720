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
 * edges they lie on (`edgeIds` of triangle t's sides, side k running corner k → k + 1).
 */
export function sliceLoadedTriangle(
  corners: Float64Array,
  edgeIds: Int32Array,
  t: number,
  z: number,
  out: Float64Array,
  outEdges: Int32Array,
): boolean {
  let found = 0;
  for (let k = 0; k < 3 && found < 2; k++) {
    const p = k * 3;
    const q = k === 2 ? 0 : p + 3;
    const zp = corners[p + 2]!;
    const zq = corners[q + 2]!;
    if (zp <= z === zq <= z) continue;
    const f = (z - zp) / (zq - zp);
    out[found * 3] = corners[p]! + f * (corners[q]! - corners[p]!);
    out[found * 3 + 1] = corners[p + 1]! + f * (corners[q + 1]! - corners[p + 1]!);
    outEdges[found] = edgeIds[t * 3 + k]!;
    found++;
  }
  return found === 2;
}
