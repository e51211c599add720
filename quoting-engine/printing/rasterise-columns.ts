/** Calls `hit(column, z, normalZ)` for every column centre inside the triangle's plate projection. */
export function rasteriseColumns(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  triangleCount: number,
  xMin: number,
  yMin: number,
  cell: number,
  nx: number,
  ny: number,
  hit: (column: number, z: number, normalZ: number) => void,
): void {
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[t * 3]! * 3;
    const b = indices[t * 3 + 1]! * 3;
    const c = indices[t * 3 + 2]! * 3;
    const ax = positions[a]!;
    const ay = positions[a + 1]!;
    const az = positions[a + 2]!;
    const ux = positions[b]! - ax;
    const uy = positions[b + 1]! - ay;
    const uz = positions[b + 2]! - az;
    const vx = positions[c]! - ax;
    const vy = positions[c + 1]! - ay;
    const vz = positions[c + 2]! - az;
    const det = ux * vy - uy * vx; // twice the signed projected area
    if (Math.abs(det) < 1e-12) continue;
    const i0 = Math.max(0, Math.ceil((Math.min(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
    const i1 = Math.min(nx - 1, Math.floor((Math.max(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
    const j0 = Math.max(0, Math.ceil((Math.min(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
    const j1 = Math.min(ny - 1, Math.floor((Math.max(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
    // Most triangles of a fine mesh cover no column centre: the normal only for those that do.
    if (i0 > i1 || j0 > j1) continue;
    const nxv = uy * vz - uz * vy;
    const nyv = uz * vx - ux * vz;
    const normalZ = det / Math.sqrt(nxv * nxv + nyv * nyv + det * det);
    for (let j = j0; j <= j1; j++) {
      const py = yMin + (j + 0.5) * cell - ay;
      for (let i = i0; i <= i1; i++) {
        const px = xMin + (i + 0.5) * cell - ax;
        // Barycentric coordinates of the column centre; half-open on edges so shared edges count once.
        const s = (px * vy - py * vx) / det;
        const r = (ux * py - uy * px) / det;
        if (s < 0 || r < 0 || s + r >= 1) continue;
        hit(j * nx + i, az + s * uz + r * vz, normalZ);
      }
    }
  }
}
