import { fdmScratch } from "./fdm-scratch";
import { markSupportInterface } from "./mark-support-interface";
import { addInterval, supportIntervalsOf } from "./support-intervals";
import { bridgedCeilingsOf, isBridged } from "./bridged-ceilings";
import { maxFilter } from "./max-filter";
import { sortHits } from "./sort-hits";
import type { ColumnHits } from "./column-hits";
import { supportLayerHeights } from "./support-layer-heights";

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
  /**
   * Faces between this angle and the support angle (from horizontal) are supported by the sparse
   * body only, no dense interface: PrusaSlicer 2.5 (`SupportMaterial.cpp`, `fill_contact_layer`,
   * "reduce_interfaces") makes dense interface only where an overhang sticks out more than 60 % of
   * the external perimeter's width beyond the layer below, atan(0.2 / (0.6 × 0.45)) ≈ 36.5°.
   */
  interfaceAngleDeg?: number;
  /** false: overhangs anchored on two opposite sides are bridged, not supported. */
  supportBridges?: boolean;
  /** Sideways growth of support regions, mm. */
  spreadMm?: number;
  /**
   * The thickest support layer (PrusaSlicer 2.5: `max_layer_height`, 0 = 0.75 × the 0.4 mm nozzle).
   * Absent: the support is printed in the object's layers.
   */
  supportMaxLayerHeightMm?: number;
}

export interface FdmSupports {
  /** Support cross-section per layer, mm²: sparse body and dense interface. */
  sparseMm2: Float64Array;
  interfaceMm2: Float64Array;
  /** Outline of the support's cross-section per layer, mm (grid steps, scaled by π/4 for slanted edges). */
  outlineMm: Float64Array;
  /** Volume enclosed by the support columns (before the slicer's sparse pattern), mm³. */
  columnMm3: number;
  /** Per layer, the height of the support's own layers there (`supportLayerHeights`), mm. */
  layerHeightMm: Float64Array;
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
  /** The part's triangles on the support's columns (`sliceRangesAndSkins`). */
  columnHits: ColumnHits,
  options: FdmSupportOptions,
): FdmSupports {
  const { zMin, layerHeightMm: h, layerCount, contactGapMm, interfaceLayers } = options;
  // A part with no face flatter than the support angle above the first layer needs no support (cubes,
  // cups, tubes: the grid is most of the cost).
  if (layerCount === 0 || !columnHits.overhang)
    return {
      sparseMm2: new Float64Array(layerCount),
      interfaceMm2: new Float64Array(layerCount),
      outlineMm: new Float64Array(layerCount),
      columnMm3: 0,
      layerHeightMm: new Float64Array(layerCount).fill(h),
    };
  const { cell, nx, ny } = columnHits.grid;
  // The loops take numbers and typed arrays, not the literals made per part (decision 0105).
  return supportsOnColumns(
    columnHits.column,
    columnHits.height,
    columnHits.normalZ,
    columnHits.count,
    cell,
    nx,
    ny,
    zMin,
    h,
    layerCount,
    contactGapMm,
    interfaceLayers,
    -Math.cos((options.supportAngleDeg * Math.PI) / 180),
    -Math.cos(((options.interfaceAngleDeg ?? options.supportAngleDeg) * Math.PI) / 180),
    options.supportBridges === false,
    Math.round((options.spreadMm ?? 0) / cell),
    options.supportMaxLayerHeightMm ?? h,
  );
}

/**
 * `measureFdmSupports` of a part with an overhang. Its arguments are numbers and typed arrays: reading
 * the options' literal, its compiled code was thrown away now and then between parts ("insufficient
 * type feedback" for the literal's fields) and compiled again, at up to a few hundred ms.
 */
function supportsOnColumns(
  hitColumn: Int32Array,
  hitHeight: Float64Array,
  hitNormal: Float32Array,
  hitCount: number,
  cell: number,
  nx: number,
  ny: number,
  zMin: number,
  h: number,
  layerCount: number,
  contactGapMm: number,
  interfaceLayers: number,
  /** Normals' z at most this need support, at most `denseLimit` a dense interface. */
  limit: number,
  denseLimit: number,
  /** Overhangs anchored on two opposite sides are bridged, not supported. */
  bridgeFlatCeilings: boolean,
  /** Sideways growth of support regions, columns. */
  radius: number,
  maxLayerHeightMm: number,
): FdmSupports {
  const sparse = new Float64Array(layerCount);
  const dense = new Float64Array(layerCount);
  // Only flat ceilings are bridged; a sloped one (the top of a horizontal hole away from its crown)
  // grows one strip per layer anchored on one side, and PrusaSlicer supports it.
  const flatLimit = -Math.cos((10 * Math.PI) / 180);
  // A counting sort puts the hits per column (CSR layout).
  const counts = new Uint32Array(nx * ny + 1);
  for (let k = 0; k < hitCount; k++) counts[hitColumn[k]! + 1]!++;
  for (let c = 0; c < nx * ny; c++) counts[c + 1]! += counts[c]!;
  const hitZ = new Float64Array(hitCount);
  const hitNz = new Float32Array(hitCount);
  const cursor = counts.slice(0, nx * ny);
  for (let k = 0; k < hitCount; k++) {
    const slot = cursor[hitColumn[k]!]!++;
    hitZ[slot] = hitHeight[k]!;
    hitNz[slot] = hitNormal[k]!;
  }
  const cellArea = cell * cell;
  const cellCount = nx * ny;
  const supportCells = new Float64Array(layerCount);
  const denseCells = new Float64Array(layerCount);
  // Layer boundaries where a support meets the part (its top under an overhang, its bottom on a
  // surface): the slicer's support layers run from one to the next (`supportLayerHeights`).
  const boundary = new Uint8Array(layerCount + 1);
  boundary[0] = 1;
  boundary[Math.min(1, layerCount)] = 1;
  const intervals = supportIntervalsOf(
    { zMin, h, layerCount, contactGapMm, interfaceLayers },
    cellArea,
    cellCount,
    boundary,
  );
  // Highest supported point per column, for the lateral spread below.
  const supportTop = new Float64Array(nx * ny).fill(-Infinity);
  for (let c = 0; c < nx * ny; c++) sortHits(hitZ, hitNz, counts[c]!, counts[c + 1]!);
  const ceilings = bridgedCeilingsOf(counts, hitZ, hitNz, nx, ny, h);
  for (let c = 0; c < nx * ny; c++) {
    intervals.currentColumn = c;
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
        !(bridgeFlatCeilings && nz < flatLimit && isBridged(ceilings, c, z))
      ) {
        addInterval(intervals, below, top, nz <= denseLimit, true);
        supportTop[c] = Math.max(supportTop[c]!, top);
      }
    }
  }
  // Slicers grow support regions sideways (PrusaSlicer closes gaps up to its closing radius and
  // merges neighbouring overhangs): columns within `spreadMm` of a supported one are supported up to
  // the same height, from the part surface or plate below, where the part leaves room.
  if (radius > 0) {
    const spread = maxFilter(maxFilter(supportTop, nx, ny, radius, 1), nx, ny, radius, nx);
    for (let c = 0; c < nx * ny; c++) {
      intervals.currentColumn = c;
      const wanted = spread[c]!;
      if (!(wanted > supportTop[c]! + h)) continue;
      let below = zMin;
      let lastDown = -Infinity;
      for (let k = counts[c]!; k < counts[c + 1]! && hitZ[k]! < wanted; k++) {
        if (hitNz[k]! > 0) below = hitZ[k]!;
        else lastDown = hitZ[k]!;
      }
      // Inside the part at the wanted height: stop under the part instead.
      const top = lastDown >= below ? lastDown - contactGapMm : wanted;
      const open = top - below;
      if (open > h) addInterval(intervals, below, below + open, false, false);
    }
  }
  // Outline: each column's intervals (merged where own and spread overlap) count four cell faces per
  // layer, less two for every layer a neighbouring column shares (difference arrays per layer, no
  // per-layer work). Slicers print a loop around the support (PrusaSlicer's sheath) and most of a
  // wide support's body near it.
  // Per column and layer up to the highest support layer (a byte each): 1 support, 2 dense bottom
  // (support standing on the part), 5 interface; the contacts (each supported interval's top) listed
  // apart. Interface is decided once all columns are known (below).
  const { contacts, contactCount, firstInterval, intervalFirst, intervalLast, nextInterval, intervalBottom } =
    intervals;
  const { intervalCount } = intervals;
  const columnMm3 = intervals.columnMm3[0]!;
  let stride = 0;
  for (let k = 0; k < intervalCount; k++) stride = Math.max(stride, intervalLast[k]! + 1);
  for (let k = 0; k < contactCount; k++) stride = Math.max(stride, (contacts[k]! % layerCount) + 1);
  const occupied = fdmScratch("supportOccupied", Uint8Array, stride * cellCount, true); // megabytes: kept
  const mergedStart = new Int32Array(cellCount + 1);
  const cellsDiff = new Float64Array(layerCount + 1);
  const mergedFirst = new Int32Array(intervalCount);
  const mergedLast = new Int32Array(intervalCount);
  let merged = 0;
  for (let c = 0; c < cellCount; c++) {
    const from = merged;
    for (let a = firstInterval[c]!; a >= 0; a = nextInterval[a]!) {
      // Insertion by first layer (a column holds a handful).
      let k = merged++;
      while (k > from && mergedFirst[k - 1]! > intervalFirst[a]!) {
        mergedFirst[k] = mergedFirst[k - 1]!;
        mergedLast[k] = mergedLast[k - 1]!;
        k--;
      }
      mergedFirst[k] = intervalFirst[a]!;
      mergedLast[k] = intervalLast[a]!;
    }
    let write = from;
    for (let k = from; k < merged; k++) {
      if (write > from && mergedFirst[k]! <= mergedLast[write - 1]! + 1)
        mergedLast[write - 1] = Math.max(mergedLast[write - 1]!, mergedLast[k]!);
      else {
        mergedFirst[write] = mergedFirst[k]!;
        mergedLast[write++] = mergedLast[k]!;
      }
    }
    merged = write;
    mergedStart[c + 1] = merged;
    // Occupancy over the merged intervals (contiguous per column), counted per layer by differences;
    // then the dense bottoms of supports standing on the part.
    for (let k = from; k < merged; k++) {
      occupied.fill(1, c * stride + mergedFirst[k]!, c * stride + mergedLast[k]! + 1);
      cellsDiff[mergedFirst[k]!]!++;
      cellsDiff[mergedLast[k]! + 1]!--;
    }
    for (let a = firstInterval[c]!; a >= 0; a = nextInterval[a]!)
      for (let layer = intervalFirst[a]!; layer <= intervalBottom[a]!; layer++) {
        if (occupied[c * stride + layer] !== 1) continue;
        occupied[c * stride + layer] = 2;
        denseCells[layer]!++;
      }
  }
  let runningCells = 0;
  for (let layer = 0; layer < layerCount; layer++) {
    runningCells += cellsDiff[layer]!;
    supportCells[layer] = runningCells;
  }
  // Interface: a support column is dense at a layer when a contact (the underside of an overhang)
  // lies within `interfaceLayers` above it anywhere within the spread radius: around a thread every
  // layer has an overhang close by and PrusaSlicer fills the whole ring with interface, while a wide
  // flat overhang gets its dense layers only under its underside. Per layer, the contacts within
  // `interfaceLayers` above it are dilated by the radius (a running count along rows, then columns,
  // inside their bounding box): linear in contacts plus the boxes' cells, whatever the radius.
  markSupportInterface(
    contacts,
    contactCount,
    layerCount,
    stride,
    nx,
    ny,
    radius,
    interfaceLayers,
    occupied,
    denseCells,
  );
  const faces = new Float64Array(layerCount + 1);
  for (let c = 0; c < cellCount; c++) {
    for (let k = mergedStart[c]!; k < mergedStart[c + 1]!; k++)
      addFaces(faces, mergedFirst[k]!, mergedLast[k]!, 4);
    if (c % nx < nx - 1) addSharedFaces(faces, mergedStart, mergedFirst, mergedLast, c, c + 1);
    if (c + nx < cellCount) addSharedFaces(faces, mergedStart, mergedFirst, mergedLast, c, c + nx);
  }
  const outline = new Float64Array(layerCount);
  let runningFaces = 0;
  for (let layer = 0; layer < layerCount; layer++) {
    runningFaces += faces[layer]!;
    outline[layer] = Math.max(0, runningFaces) * cell * (Math.PI / 4);
    dense[layer] = denseCells[layer]! * cellArea;
    sparse[layer] = Math.max(0, supportCells[layer]! - denseCells[layer]!) * cellArea;
  }
  return {
    sparseMm2: sparse,
    interfaceMm2: dense,
    outlineMm: outline,
    columnMm3,
    layerHeightMm: supportLayerHeights(boundary, h, maxLayerHeightMm),
  };
}

/**
 * Adds `count` cell faces to the layers `from`..`to` (a difference array). A module function, as the
 * helpers in `support-intervals.ts`: a closure made per part lost its compiled code with the part
 * (decision 0101).
 */
function addFaces(faces: Float64Array, from: number, to: number, count: number): void {
  if (to < from) return;
  faces[from]! += count;
  faces[to + 1]! -= count;
}

/** Takes two faces off every layer two neighbouring columns `c` and `n` both occupy. */
function addSharedFaces(
  faces: Float64Array,
  mergedStart: Int32Array,
  mergedFirst: Int32Array,
  mergedLast: Int32Array,
  c: number,
  n: number,
): void {
  let a = mergedStart[c]!;
  let b = mergedStart[n]!;
  while (a < mergedStart[c + 1]! && b < mergedStart[n + 1]!) {
    addFaces(faces, Math.max(mergedFirst[a]!, mergedFirst[b]!), Math.min(mergedLast[a]!, mergedLast[b]!), -2);
    if (mergedLast[a]! < mergedLast[b]!) a++;
    else b++;
  }
}
