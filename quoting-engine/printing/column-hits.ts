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
 * triangle's height there and its normal's z, in triangle order; and whether any face reaching above the
 * first layer faces down flatter than the support angle (without one no support is measured).
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
 * part with an overhang mostly does; growing the arrays was a tenth of a small part's work).
 */
export function emptyColumnHits(grid: ColumnGrid): ColumnHits {
  const capacity = Math.max(1024, 4 * grid.nx * grid.ny);
  return {
    grid,
    column: new Int32Array(capacity),
    height: new Float64Array(capacity),
    normalZ: new Float32Array(capacity),
    count: 0,
    overhang: false,
  };
}

/**
 * Adds a hit (the next one, `hits.count`): column, height, normal z. Called where a triangle covers a
 * column centre (`sliceRangesAndSkins`, a few per column: numbers passed to it are boxed when it is
 * not inlined, which matters little at that count).
 */
export function addColumnHit(hits: ColumnHits, column: number, z: number, normalZ: number): void {
  if (hits.count === hits.column.length) {
    hits.column = growInt32(hits.column as Int32Array<ArrayBuffer>);
    hits.height = growFloat(hits.height as Float64Array<ArrayBuffer>);
    hits.normalZ = growFloat(hits.normalZ as Float32Array<ArrayBuffer>);
  }
  hits.column[hits.count] = column;
  hits.height[hits.count] = z;
  hits.normalZ[hits.count++] = normalZ;
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
