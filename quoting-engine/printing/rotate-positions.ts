/** Positions in the build frame: each row of the rotation dotted with each point. */
export function rotatePositions(
  positions: ArrayLike<number>,
  r: ArrayLike<number>,
  out = new Float64Array(positions.length),
): Float64Array {
  for (let v = 0; v < positions.length; v += 3) {
    const x = positions[v]!;
    const y = positions[v + 1]!;
    const z = positions[v + 2]!;
    out[v] = r[0]! * x + r[1]! * y + r[2]! * z;
    out[v + 1] = r[3]! * x + r[4]! * y + r[5]! * z;
    out[v + 2] = r[6]! * x + r[7]! * y + r[8]! * z;
  }
  return out;
}
