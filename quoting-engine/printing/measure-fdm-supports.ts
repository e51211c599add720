export interface FdmSupportOptions {
  zMin: number;
  layerHeightMm: number;
  layerCount: number;
  /** Faces flatter than this, measured from horizontal, need support. */
  supportAngleDeg: number;
  /** Air gap between the support's top and the part (PrusaSlicer's contact distance). */
  contactGapMm: number;
  /** Dense layers where the support meets the part (top, and bottom when it stands on the part). */
  interfaceLayers: number;
  /** false: overhangs anchored on two opposite sides are bridged, not supported. */
  supportBridges?: boolean;
  /** Sideways growth of support regions, mm. */
  spreadMm?: number;
  /** Columns on the longer side of the grid. */
  gridCells?: number;
}

export interface FdmSupports {
  /** Support cross-section per layer, mm²: sparse body and dense interface. */
  sparseMm2: Float64Array;
  interfaceMm2: Float64Array;
  /** Volume enclosed by the support columns (before the slicer's sparse pattern), mm³. */
  columnMm3: number;
}

/**
 * Support under overhangs as vertical columns on a grid of the plate (a dexel model): every triangle is
 * rasterised onto the column centres it covers, each column's hits sorted by height give the part's
 * solid intervals along it, and a column below a face flatter than the support angle is supported
 * down to the part surface under it or the plate, less the contact gap. The cross-section per layer
 * follows from the columns' intervals (a difference array per layer). Typed arrays throughout:
 * linear in triangles plus covered cells.
 */
export function measureFdmSupports(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  options: FdmSupportOptions,
): FdmSupports {
  const { zMin, layerHeightMm: h, layerCount, contactGapMm, interfaceLayers } = options;
  const sparse = new Float64Array(layerCount);
  const dense = new Float64Array(layerCount);
  const triangleCount = Math.floor(indices.length / 3);
  if (triangleCount === 0 || layerCount === 0)
    return { sparseMm2: sparse, interfaceMm2: dense, columnMm3: 0 };
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let v = 0; v < positions.length; v += 3) {
    xMin = Math.min(xMin, positions[v]!);
    xMax = Math.max(xMax, positions[v]!);
    yMin = Math.min(yMin, positions[v + 1]!);
    yMax = Math.max(yMax, positions[v + 1]!);
  }
  const cells = options.gridCells ?? 128;
  const cell = Math.max(0.25, Math.max(xMax - xMin, yMax - yMin) / cells);
  const nx = Math.max(1, Math.ceil((xMax - xMin) / cell));
  const ny = Math.max(1, Math.ceil((yMax - yMin) / cell));
  const limit = -Math.cos((options.supportAngleDeg * Math.PI) / 180);
  // Only flat ceilings are bridged; a sloped one (the top of a horizontal hole away from its crown)
  // grows one strip per layer anchored on one side, and PrusaSlicer supports it.
  const flatLimit = -Math.cos((10 * Math.PI) / 180);

  // Two passes over the triangles: count hits per column, then fill them (CSR layout).
  const counts = new Uint32Array(nx * ny + 1);
  rasterise(positions, indices, triangleCount, xMin, yMin, cell, nx, ny, (column) => {
    counts[column + 1]!++;
  });
  for (let c = 0; c < nx * ny; c++) counts[c + 1]! += counts[c]!;
  const hitZ = new Float64Array(counts[nx * ny]!);
  const hitNz = new Float32Array(hitZ.length);
  const cursor = counts.slice(0, nx * ny);
  rasterise(positions, indices, triangleCount, xMin, yMin, cell, nx, ny, (column, z, nz) => {
    const slot = cursor[column]!++;
    hitZ[slot] = z;
    hitNz[slot] = nz;
  });

  const cellArea = cell * cell;
  const sparseDiff = new Float64Array(layerCount + 1);
  const denseDiff = new Float64Array(layerCount + 1);
  const add = (diff: Float64Array, from: number, to: number): void => {
    if (to < from) return;
    diff[from]! += cellArea;
    diff[to + 1]! -= cellArea;
  };
  let columnMm3 = 0;
  const addInterval = (below: number, top: number): void => {
    columnMm3 += (top - below) * cellArea;
    const first = Math.min(layerCount - 1, Math.max(0, Math.floor((below - zMin) / h + 1e-6)));
    const last = Math.min(layerCount - 1, Math.max(first, Math.floor((top - zMin) / h - 1e-6)));
    const onPart = below > zMin + h / 2;
    const topDense = Math.max(first, last - interfaceLayers + 1);
    const bottomDense = onPart ? Math.min(topDense - 1, first + interfaceLayers - 1) : first - 1;
    add(denseDiff, topDense, last);
    add(denseDiff, first, bottomDense);
    add(sparseDiff, bottomDense + 1, topDense - 1);
  };
  // Highest supported point per column, for the lateral spread below.
  const supportTop = new Float64Array(nx * ny).fill(-Infinity);
  for (let c = 0; c < nx * ny; c++) sortHits(hitZ, hitNz, counts[c]!, counts[c + 1]!);
  const solidAt = (column: number, z: number): boolean => {
    let inside = false;
    for (let k = counts[column]!; k < counts[column + 1]! && hitZ[k]! < z; k++) inside = hitNz[k]! < 0;
    return inside;
  };
  // A bridge: a flat ceiling with part just below its height on both sides along x or along y.
  // PrusaSlicer (dont_support_bridges) prints those across the gap without support. Whether a grid
  // line is solid at a height is counted once per line and height (prefix sums), not per cell.
  const solidCounts = new Map<string, Int32Array>();
  const lineCounts = (along: "x" | "y", line: number, z: number): Int32Array => {
    const key = `${along}${line}:${Math.round(z * 1000)}`;
    let prefix = solidCounts.get(key);
    if (!prefix) {
      const length = along === "x" ? nx : ny;
      prefix = new Int32Array(length + 1);
      for (let k = 0; k < length; k++) {
        const column = along === "x" ? line * nx + k : k * nx + line;
        prefix[k + 1] = prefix[k]! + (solidAt(column, z) ? 1 : 0);
      }
      solidCounts.set(key, prefix);
    }
    return prefix;
  };
  const bridge = (c: number, z: number): boolean => {
    const i = c % nx;
    const j = (c - i) / nx;
    const below = z - h;
    const row = lineCounts("x", j, below);
    if (row[i]! > 0 && row[nx]! - row[i + 1]! > 0) return true;
    const column = lineCounts("y", i, below);
    return column[j]! > 0 && column[ny]! - column[j + 1]! > 0;
  };
  for (let c = 0; c < nx * ny; c++) {
    const start = counts[c]!;
    const end = counts[c + 1]!;
    let below = zMin; // top of whatever the column stands on: the plate, then the part's upper surfaces
    for (let k = start; k < end; k++) {
      const nz = hitNz[k]!;
      if (nz > 0) {
        below = hitZ[k]!;
        continue;
      }
      const z = hitZ[k]!;
      const top = z - contactGapMm;
      if (
        nz <= limit &&
        top - below > h / 2 &&
        z - zMin > h &&
        !(options.supportBridges === false && nz < flatLimit && bridge(c, z))
      ) {
        addInterval(below, top);
        supportTop[c] = Math.max(supportTop[c]!, top);
      }
    }
  }
  // Slicers grow support regions sideways (PrusaSlicer closes gaps up to its closing radius and
  // merges neighbouring overhangs): columns within `spreadMm` of a supported one are supported up to
  // the same height, from the part surface or plate below, where the part leaves room.
  const radius = Math.round((options.spreadMm ?? 0) / cell);
  if (radius > 0) {
    const spread = maxFilter(maxFilter(supportTop, nx, ny, radius, 1), nx, ny, radius, nx);
    for (let c = 0; c < nx * ny; c++) {
      const wanted = spread[c]!;
      if (!(wanted > supportTop[c]! + h)) continue;
      let below = zMin;
      let lastDown = -Infinity;
      for (let k = counts[c]!; k < counts[c + 1]! && hitZ[k]! < wanted; k++) {
        if (hitNz[k]! > 0) below = hitZ[k]!;
        else lastDown = hitZ[k]!;
      }
      // Inside the part at the wanted height: stop under the part instead.
      const top = lastDown > below ? lastDown - contactGapMm : wanted;
      const open = top - below;
      if (open > h) addInterval(below, below + open);
    }
  }
  let runningSparse = 0;
  let runningDense = 0;
  for (let layer = 0; layer < layerCount; layer++) {
    runningSparse += sparseDiff[layer]!;
    runningDense += denseDiff[layer]!;
    sparse[layer] = Math.max(0, runningSparse);
    dense[layer] = Math.max(0, runningDense);
  }
  return { sparseMm2: sparse, interfaceMm2: dense, columnMm3 };
}

/** Calls `hit(column, z, normalZ)` for every column centre inside the triangle's plate projection. */
function rasterise(
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
    const nxv = uy * vz - uz * vy;
    const nyv = uz * vx - ux * vz;
    const normalZ = det / Math.hypot(nxv, nyv, det);
    const i0 = Math.max(0, Math.ceil((Math.min(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
    const i1 = Math.min(nx - 1, Math.floor((Math.max(ax, ax + ux, ax + vx) - xMin) / cell - 0.5));
    const j0 = Math.max(0, Math.ceil((Math.min(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
    const j1 = Math.min(ny - 1, Math.floor((Math.max(ay, ay + uy, ay + vy) - yMin) / cell - 0.5));
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

/** Insertion sort of one column's hits by height (columns hold a handful). */
function sortHits(z: Float64Array, nz: Float32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const zi = z[i]!;
    const ni = nz[i]!;
    let j = i - 1;
    while (j >= start && z[j]! > zi) {
      z[j + 1] = z[j]!;
      nz[j + 1] = nz[j]!;
      j--;
    }
    z[j + 1] = zi;
    nz[j + 1] = ni;
  }
}

/** Running maximum over ±radius cells along one grid direction (stride 1: rows, stride nx: columns). */
function maxFilter(
  values: Float64Array,
  nx: number,
  ny: number,
  radius: number,
  stride: number,
): Float64Array {
  const out = new Float64Array(values.length);
  const lines = stride === 1 ? ny : nx;
  const length = stride === 1 ? nx : ny;
  const step = stride === 1 ? nx : 1;
  for (let line = 0; line < lines; line++) {
    const base = line * step;
    for (let i = 0; i < length; i++) {
      let best = -Infinity;
      const from = Math.max(0, i - radius);
      const to = Math.min(length - 1, i + radius);
      for (let j = from; j <= to; j++) best = Math.max(best, values[base + j * stride]!);
      out[base + i * stride] = best;
    }
  }
  return out;
}
