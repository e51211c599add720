/** Intersects triangle t with the plane z; the two points and the edges they lie on. */
export function sliceTriangle(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  edges: { ids: Int32Array },
  t: number,
  z: number,
  out: Float64Array,
  outEdges: Int32Array,
): boolean {
  let found = 0;
  for (let k = 0; k < 3 && found < 2; k++) {
    const p = indices[t * 3 + k]! * 3;
    const q = indices[t * 3 + ((k + 1) % 3)]! * 3;
    const zp = positions[p + 2]!;
    const zq = positions[q + 2]!;
    if (zp <= z === zq <= z) continue;
    const f = (z - zp) / (zq - zp);
    out[found * 3] = positions[p]! + f * (positions[q]! - positions[p]!);
    out[found * 3 + 1] = positions[p + 1]! + f * (positions[q + 1]! - positions[p + 1]!);
    outEdges[found] = edges.ids[t * 3 + k]!;
    found++;
  }
  return found === 2;
}
