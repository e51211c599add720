/** Whether any face reaching above `zAbove` faces down flatter than the support angle (normal z ≤ `limit`). */
export function hasOverhang(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  triangleCount: number,
  limit: number,
  zAbove: number,
): boolean {
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[t * 3]! * 3;
    const b = indices[t * 3 + 1]! * 3;
    const c = indices[t * 3 + 2]! * 3;
    if (Math.max(positions[a + 2]!, positions[b + 2]!, positions[c + 2]!) <= zAbove) continue;
    const ux = positions[b]! - positions[a]!;
    const uy = positions[b + 1]! - positions[a + 1]!;
    const uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!;
    const vy = positions[c + 1]! - positions[a + 1]!;
    const vz = positions[c + 2]! - positions[a + 2]!;
    const nz = ux * vy - uy * vx;
    if (nz >= 0) continue;
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    if (nz <= limit * Math.sqrt(nx * nx + ny * ny + nz * nz)) return true;
  }
  return false;
}
