import { fdmScratch } from "./fdm-scratch";
import { growFloat, growInt32 } from "./grow-typed-array";

/** The support's grid of columns on the plate: its corner, cell side and columns along x and y. */
export interface ColumnGrid {
  xMin: number;
  yMin: number;
  cell: number;
  nx: number;
  ny: number;
}

/**
 * What the part's triangles give the support's columns (`measureFdmSupports`): each column centre a
 * triangle's plate projection covers (half-open on edges, so shared edges count once) is a hit, with the
 * triangle's height there and its normal's z, in triangle order (none for a part without an overhang);
 * and whether any face reaching above the first layer faces down flatter than the support angle
 * (without one no support is measured).
 */
export interface ColumnHits {
  grid: ColumnGrid;
  column: Int32Array;
  height: Float64Array;
  normalZ: Float32Array;
  count: number;
  overhang: boolean;
}

/**
 * Empty hits for the grid, sized for a closed mesh crossing each column of its footprint four times (a
 * part with an overhang mostly does; growing the arrays was a tenth of a small part's work), kept
 * between calls (`fdmScratch`).
 */
export function emptyColumnHits(grid: ColumnGrid): ColumnHits {
  const capacity = Math.max(1024, 4 * grid.nx * grid.ny);
  return {
    grid,
    column: fdmScratch("hitColumn", Int32Array, capacity),
    height: fdmScratch("hitHeight", Float64Array, capacity),
    normalZ: fdmScratch("hitNormalZ", Float32Array, capacity),
    count: 0,
    overhang: false,
  };
}

/**
 * Adds triangle t's hits: the column centres inside its plate projection (barycentric, half-open on
 * edges so shared edges count once), each with the triangle's height there and its normal's z. Takes
 * no number but the triangle's (numbers passed to a call that is not inlined are boxed on the heap).
 */
export function addTriangleHits(
  hits: ColumnHits,
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  t: number,
): void {
  const { xMin, yMin, cell, nx, ny } = hits.grid;
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
  if (Math.abs(det) < 1e-12) return;
  // Most triangles of a fine mesh cover no column centre: the rows only for those between two
  // columns' centres along x, the normal only for those that cover one.
  const i0 = Math.max(0, Math.ceil((Math.min(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
  const i1 = Math.min(nx - 1, Math.floor((Math.max(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
  if (i0 > i1) return;
  const j0 = Math.max(0, Math.ceil((Math.min(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
  const j1 = Math.min(ny - 1, Math.floor((Math.max(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
  if (j0 > j1) return;
  const nxv = uy * vz - uz * vy;
  const nyv = uz * vx - ux * vz;
  const normalZ = det / Math.sqrt(nxv * nxv + nyv * nyv + det * det);
  for (let j = j0; j <= j1; j++) {
    const py = yMin + (j + 0.5) * cell - ay;
    for (let i = i0; i <= i1; i++) {
      const px = xMin + (i + 0.5) * cell - ax;
      const s = (px * vy - py * vx) / det;
      const r = (ux * py - uy * px) / det;
      if (s < 0 || r < 0 || s + r >= 1) continue;
      if (hits.count === hits.column.length) {
        hits.column = growInt32(hits.column as Int32Array<ArrayBuffer>);
        hits.height = growFloat(hits.height as Float64Array<ArrayBuffer>);
        hits.normalZ = growFloat(hits.normalZ as Float32Array<ArrayBuffer>);
      }
      hits.column[hits.count] = j * nx + i;
      hits.height[hits.count] = az + s * uz + r * vz;
      hits.normalZ[hits.count++] = normalZ;
    }
  }
}

/**
 * Columns on the longer side of the support's grid (96: 0.6 mm columns on a 60 mm part, against
 * PrusaSlicer's support lines 2.5 mm apart; 128 took half as long again on the T and 3DBenchy for
 * errors within 3 points on every benchmark mesh, decision 0057).
 */
const gridCells = 96;

/**
 * The support's grid over the part's plate extents (x min, x max, y min, y max): `gridCells` columns
 * on the longer side (at least 0.25 mm each), widened by `reachMm` on every side for supports grown
 * past the part's edge down to the plate (decision 0067).
 */
export function columnGridOver(extents: Float64Array, reachMm: number): ColumnGrid {
  let [xMin, xMax, yMin, yMax] = extents as unknown as [number, number, number, number];
  const cell = Math.max(0.25, Math.max(xMax - xMin, yMax - yMin) / gridCells);
  [xMin, yMin, xMax, yMax] = [xMin - reachMm, yMin - reachMm, xMax + reachMm, yMax + reachMm];
  return {
    xMin,
    yMin,
    cell,
    nx: Math.max(1, Math.ceil((xMax - xMin) / cell)),
    ny: Math.max(1, Math.ceil((yMax - yMin) / cell)),
  };
}
