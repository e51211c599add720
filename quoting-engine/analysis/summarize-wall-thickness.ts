import type { ManufacturingProcess } from "../catalogue/catalogue";
import { scratchInt32Array, scratchUint8Array } from "./scratch-arrays";
import {
  histogramEdgesMm,
  sumThicknessBands,
  thicknessStep,
  toleranceMm,
  type KeyRange,
} from "./wall-thickness-bands";
import type { TriangleNeighbours } from "./triangle-neighbours";

/** One process's wall limits, from the DFM rule table (`additiveWallLimits` in dfm-rules.ts). */
export interface WallLimit {
  process: ManufacturingProcess;
  /** Below this a wall prints weak or rough: a warning stating the area. */
  warningMm: number;
  /** Below this the process cannot form the wall at all. */
  hardMinimumMm: number;
  /** Regions smaller than this (mm²) are noise (a sliver, a tangent contact): the thinnest region is larger. */
  regionMm2: number;
  /** A connected region below the hard minimum this large (mm²)… */
  cannotMakeAreaMm2: number;
  /** …or covering this share of the surface makes the part "cannot make"; smaller ones are warnings. */
  cannotMakeShare: number;
}

export interface ThinRegion {
  /** The largest thickness inside the region: every triangle in it is at most this thin. */
  thicknessMm: number;
  areaMm2: number;
}

export interface ProcessWallReport {
  process: ManufacturingProcess;
  warningMm: number;
  hardMinimumMm: number;
  /** Surface thinner than the warning limit, mm², and its share of the part's surface. */
  areaBelowMm2: number;
  shareBelow: number;
  /** Surface thinner than the hard minimum, and its largest connected region. */
  areaBelowHardMm2: number;
  largestRegionBelowHardMm2: number;
  /** The thinnest connected region larger than `regionMm2`; absent when no wall was measured. */
  thinnestRegion?: ThinRegion;
  /** Face ids (B-rep faces or mesh regions) holding triangles below the warning limit and the hard minimum. */
  faces: number[];
  hardFaces: number[];
}

export interface WallThicknessReport {
  /** The part's surface, mm² (shares are of this). */
  surfaceMm2: number;
  /** Share of the surface with a measured thickness; the rest is no wall (sharp edges, thread crests). */
  measuredShare: number;
  /** Triangles that cast rays (all of them below 25,000 triangles). */
  sampledTriangles: number;
  /** Surface area per thickness band, mm²; the last band has no upper bound. */
  histogram: { fromMm: number; toMm: number | null; areaMm2: number }[];
  processes: ProcessWallReport[];
}

/**
 * The per-process wall report from a thickness map: area below each limit, the largest connected
 * region below the hard minimum, the thinnest region above a size threshold, and a histogram; and the
 * thinnest region of at least `extraRegionMm2`. Regions grow across triangle edges; NaN triangles (no
 * wall) belong to none.
 */
export function summarizeWallThickness(
  thicknessMm: Float32Array,
  faceIds: Int32Array,
  areas: Float64Array,
  neighbours: TriangleNeighbours,
  sampledTriangles: number,
  limits: WallLimit[],
  extraRegionMm2: number,
): { report: WallThicknessReport; extraRegion?: ThinRegion & { seedTriangle: number } } {
  const histogram = histogramEdgesMm.map((fromMm, index) => ({
    fromMm,
    toMm: histogramEdgesMm[index + 1] ?? null,
    areaMm2: 0,
  }));
  const belowLimits = Float64Array.from(
    limits.flatMap((limit) => [limit.warningMm, limit.hardMinimumMm]),
    (limit) => limit - toleranceMm,
  );
  const below = new Float64Array(belowLimits.length);
  const bandAreas = new Float64Array(histogram.length);
  const keys: KeyRange = { measured: 0, lowest: Infinity, highest: -Infinity };
  const totals = new Float64Array(2);
  sumThicknessBands(thicknessMm, areas, belowLimits, below, bandAreas, keys, totals);
  const totalArea = totals[0]!;
  const measuredArea = totals[1]!;
  histogram.forEach((band, index) => (band.areaMm2 = bandAreas[index]!));
  // One sort for every threshold: the processes' and the caller's extra one (milling's thinnest wall).
  const thinnest = findThinnestRegions(
    thicknessMm,
    areas,
    neighbours,
    [...limits.map((limit) => limit.regionMm2), extraRegionMm2],
    keys,
  );
  const processes = limits.map((limit, index): ProcessWallReport => {
    const areaBelowWarning = below[index * 2]!;
    const belowHard = below[index * 2 + 1]!;
    const region = thinnest[index];
    return {
      process: limit.process,
      warningMm: limit.warningMm,
      hardMinimumMm: limit.hardMinimumMm,
      areaBelowMm2: round(areaBelowWarning),
      shareBelow: totalArea > 0 ? round(areaBelowWarning / totalArea, 4) : 0,
      areaBelowHardMm2: round(belowHard),
      largestRegionBelowHardMm2: round(
        belowHard > 0 ? largestRegionBelow(thicknessMm, areas, neighbours, limit.hardMinimumMm) : 0,
      ),
      ...(region ? { thinnestRegion: { thicknessMm: region.thicknessMm, areaMm2: region.areaMm2 } } : {}),
      faces: areaBelowWarning > 0 ? facesBelow(thicknessMm, faceIds, limit.warningMm) : [],
      hardFaces: belowHard > 0 ? facesBelow(thicknessMm, faceIds, limit.hardMinimumMm) : [],
    };
  });
  const extraRegion = thinnest[limits.length];
  return {
    report: {
      surfaceMm2: round(totalArea),
      measuredShare: totalArea > 0 ? round(measuredArea / totalArea, 4) : 0,
      sampledTriangles,
      histogram: histogram.map((band) => ({ ...band, areaMm2: round(band.areaMm2) })),
      processes,
    },
    ...(extraRegion ? { extraRegion } : {}),
  };
}

/**
 * For each area threshold, the thinnest connected region at least that large: triangles join in order
 * of thickness (union–find, like a watershed), and the first component to reach the threshold is it.
 */
export function findThinnestRegions(
  thicknessMm: Float32Array,
  areas: Float64Array,
  { offsets, neighbours, edgeMates }: TriangleNeighbours,
  thresholdsMm2: number[],
  keys: KeyRange = keyRange(thicknessMm),
): (ThinRegion & { seedTriangle: number })[] {
  const count = thicknessMm.length;
  const { measured, ascending } = ascendingOnDemand(thicknessMm, keys);
  // Working arrays shared with the Morton sort and the wall fill, which never run during a summary.
  const parent = scratchInt32Array("triangle words 1", count).fill(-1);
  // Written for a triangle as it joins, before it is read.
  const componentArea = new Float64Array(scratchUint8Array("triangle doubles", count * 8).buffer, 0, count);
  const root = (triangle: number) => {
    let node = triangle;
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  const pending = thresholdsMm2
    .map((threshold, index) => ({ threshold, index }))
    .sort((a, b) => a.threshold - b.threshold);
  const found: (ThinRegion & { seedTriangle: number })[] = [];
  let next = 0;
  for (let position = 0; position < measured && next < pending.length; position++) {
    const triangle = ascending(position) % 2 ** 24;
    parent[triangle] = triangle;
    componentArea[triangle] = areas[triangle]!;
    let top = triangle;
    const from = edgeMates ? triangle * 3 : offsets[triangle]!;
    const to = edgeMates ? from + 3 : offsets[triangle + 1]!;
    for (let index = from; index < to; index++) {
      const neighbour = edgeMates ? (edgeMates[index]! / 3) | 0 : neighbours[index]!;
      if (parent[neighbour] === -1) continue;
      const other = root(neighbour);
      if (other === top) continue;
      parent[other] = top;
      componentArea[top] = componentArea[top]! + componentArea[other]!;
    }
    top = root(triangle);
    while (next < pending.length && componentArea[top]! >= pending[next]!.threshold) {
      found[pending[next]!.index] = {
        thicknessMm: round(thicknessMm[triangle]!, 3),
        areaMm2: round(componentArea[top]!),
        seedTriangle: triangle,
      };
      next++;
    }
  }
  return found;
}

/** Buckets of the thickness range for `ascendingOnDemand`: a few keys each on a million triangles. */
const bucketsPerKey = 1 / 64;
/** The first batch of buckets `ascendingOnDemand` fills holds at least this many keys; each next, twice. */
const firstBatchKeys = 1024;

/**
 * The measured triangles' keys (`thicknessStep` × 2²⁴ + triangle) in ascending order, as sorting them
 * all would give them, read one position at a time. The keys are counted into buckets of their
 * thickness step (one pass); a batch of buckets is filled only when the reader reaches it (one pass
 * over the thicknesses per batch, each batch twice the last) and a bucket is sorted only when the reader
 * reaches it. The thinnest regions need the thinnest few triangles of a million, so most keys are never
 * written.
 */
function ascendingOnDemand(
  thicknessMm: Float32Array,
  { measured, lowest, highest }: KeyRange,
): {
  measured: number;
  ascending: (position: number) => number;
} {
  const bucketCount = Math.max(1, Math.ceil(measured * bucketsPerKey));
  const span = highest - lowest + 1;
  // Each triangle's bucket (-1: no thickness), kept for the batches' passes.
  const bucketOfTriangle = scratchInt32Array("triangle words 2", thicknessMm.length);
  const starts = new Int32Array(bucketCount + 1);
  for (let triangle = 0; triangle < thicknessMm.length; triangle++) {
    const value = thicknessMm[triangle]!;
    if (Number.isNaN(value)) {
      bucketOfTriangle[triangle] = -1;
      continue;
    }
    const inBucket = Math.floor(((thicknessStep(value) - lowest) * bucketCount) / span);
    bucketOfTriangle[triangle] = inBucket;
    starts[inBucket + 1]!++;
  }
  for (let bucket = 0; bucket < bucketCount; bucket++) starts[bucket + 1]! += starts[bucket]!;
  // The batch: buckets [batchFrom, batchTo), holding positions starts[batchFrom]..starts[batchTo].
  let batch = new Float64Array(0);
  let batchFrom = 0;
  let batchTo = 0;
  let sortedUpTo = 0;
  let bucket = 0;
  const fillBatch = () => {
    batchFrom = batchTo;
    const wanted = Math.max(firstBatchKeys, 2 * batch.length);
    batchTo = batchFrom + 1;
    while (batchTo < bucketCount && starts[batchTo]! - starts[batchFrom]! < wanted) batchTo++;
    batch = new Float64Array(starts[batchTo]! - starts[batchFrom]!);
    const fill = starts.slice(batchFrom, batchTo);
    const offset = starts[batchFrom]!;
    for (let triangle = 0; triangle < thicknessMm.length; triangle++) {
      const inBucket = bucketOfTriangle[triangle]!;
      if (inBucket < batchFrom || inBucket >= batchTo) continue;
      batch[fill[inBucket - batchFrom]!++ - offset] =
        thicknessStep(thicknessMm[triangle]!) * 2 ** 24 + triangle;
    }
  };
  return {
    measured,
    ascending: (position) => {
      while (position >= sortedUpTo) {
        if (bucket === batchTo) fillBatch();
        const offset = starts[batchFrom]!;
        sortedUpTo = starts[bucket + 1]!;
        sortKeys(batch.subarray(starts[bucket]! - offset, sortedUpTo - offset));
        bucket++;
      }
      return batch[position - starts[batchFrom]!]!;
    },
  };
}

/** Buckets of more keys than this are sorted by counting their thickness steps (see `sortKeys`). */
const countingSortKeys = 256;

/**
 * Keys (`thicknessStep` × 2²⁴ + triangle) sorted ascending. A bucket is written in triangle order, so
 * a large one whose steps span a small range (a uniform wall: a quarter of the torus's million keys
 * in one bucket) is sorted exactly by a stable count of its steps instead of comparing keys.
 */
function sortKeys(keys: Float64Array): void {
  if (keys.length <= countingSortKeys) {
    keys.sort();
    return;
  }
  let lowest = Infinity;
  let highest = -Infinity;
  for (let index = 0; index < keys.length; index++) {
    const step = Math.floor(keys[index]! / 2 ** 24);
    if (step < lowest) lowest = step;
    if (step > highest) highest = step;
  }
  const span = highest - lowest + 1;
  if (span > 4 * keys.length) {
    keys.sort();
    return;
  }
  // The steps' starts in the sorted bucket, then each key to its step's next place.
  const starts = new Int32Array(span + 1);
  for (let index = 0; index < keys.length; index++)
    starts[Math.floor(keys[index]! / 2 ** 24) - lowest + 1]!++;
  for (let step = 0; step < span; step++) starts[step + 1]! += starts[step]!;
  const sorted = new Float64Array(keys.length);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    sorted[starts[Math.floor(key / 2 ** 24) - lowest]!++] = key;
  }
  keys.set(sorted);
}

function keyRange(thicknessMm: Float32Array): KeyRange {
  const range: KeyRange = { measured: 0, lowest: Infinity, highest: -Infinity };
  for (let triangle = 0; triangle < thicknessMm.length; triangle++) {
    const value = thicknessMm[triangle]!;
    if (Number.isNaN(value)) continue;
    const step = thicknessStep(value);
    if (step < range.lowest) range.lowest = step;
    if (step > range.highest) range.highest = step;
    range.measured++;
  }
  return range;
}

/** Face ids of the triangles thinner than the limit, ascending. */
export function facesBelow(thicknessMm: Float32Array, faceIds: Int32Array, limitMm: number): number[] {
  const faces = new Set<number>();
  for (let triangle = 0; triangle < thicknessMm.length; triangle++)
    if (thicknessMm[triangle]! < limitMm - toleranceMm && faceIds[triangle]! >= 0)
      faces.add(faceIds[triangle]!);
  return [...faces].sort((a, b) => a - b);
}

/** The largest connected area of triangles thinner than the limit (breadth first over edges). */
function largestRegionBelow(
  thicknessMm: Float32Array,
  areas: Float64Array,
  { offsets, neighbours, edgeMates }: TriangleNeighbours,
  limitMm: number,
): number {
  const seen = scratchUint8Array("thin region seen", thicknessMm.length).fill(0);
  const queue = scratchInt32Array("triangle words 3", thicknessMm.length);
  let largest = 0;
  for (let start = 0; start < thicknessMm.length; start++) {
    if (seen[start] || !(thicknessMm[start]! < limitMm - toleranceMm)) continue;
    let head = 0;
    let tail = 0;
    let area = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const triangle = queue[head++]!;
      area += areas[triangle]!;
      const from = edgeMates ? triangle * 3 : offsets[triangle]!;
      const to = edgeMates ? from + 3 : offsets[triangle + 1]!;
      for (let index = from; index < to; index++) {
        const neighbour = edgeMates ? (edgeMates[index]! / 3) | 0 : neighbours[index]!;
        if (seen[neighbour] || !(thicknessMm[neighbour]! < limitMm - toleranceMm)) continue;
        seen[neighbour] = 1;
        queue[tail++] = neighbour;
      }
    }
    largest = Math.max(largest, area);
  }
  return largest;
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
