import { fdmScratch } from "./fdm-scratch";
import { growInt32 } from "./grow-typed-array";
import { join, root } from "./join-segments";
import { smallLoopLengthMm, smallPerimeterPath } from "./small-perimeter-path";

/** The layers each triangle is sliced at: every `step`-th from `firstLayer[t]` to `lastLayer[t]`, planes at zMin + (L + ½) h. */
export interface SlicedLayers {
  firstLayer: Int32Array;
  lastLayer: Int32Array;
  step: number;
  zMin: number;
  h: number;
}

/** What makes a loop small or an island solid (`measureFdmLayers`' options). */
export interface LoopRules {
  bandMm: number;
  smallBelowMm2: number;
  loopSpacingMm: number;
}

/** Per layer, what the contours of a layer give (`measureFdmLayers`' arrays, one entry per layer). */
export const contourSumNames = [
  "area",
  "perimeter",
  "corners",
  "smallLoop",
  "smallPath",
  "islands",
  "loops",
  "smallIslandArea",
  "smallIslandLength",
] as const;
export type LayerContourSums = Record<(typeof contourSumNames)[number], Float64Array>;

/**
 * Zeroed sums for `layerCount` layers, in the order of `contourSumNames`, as one object literal: built
 * name by name, their hidden class was new for every part and died with it, and the compiled joins that
 * had read one were thrown away after every part (decision 0101).
 */
export function zeroLayerContourSums(layerCount: number): LayerContourSums {
  return {
    area: new Float64Array(layerCount),
    perimeter: new Float64Array(layerCount),
    corners: new Float64Array(layerCount),
    smallLoop: new Float64Array(layerCount),
    smallPath: new Float64Array(layerCount),
    islands: new Float64Array(layerCount),
    loops: new Float64Array(layerCount),
    smallIslandArea: new Float64Array(layerCount),
    smallIslandLength: new Float64Array(layerCount),
  };
}

/** Where the contours' measures go, and what they are measured by. */
export interface ContourTargets {
  /** The centre signed areas are taken about. */
  centre: { cx: number; cy: number };
  loopRules: LoopRules;
  sums: LayerContourSums;
  /** Per layer: x min, x max, y min, y max of the segments' starts. */
  boxes: Float64Array;
  /** Both ends of every segment of layer 0, x y x y … */
  firstLayerPoints: number[];
}
/**
 * Slices a closed, clean mesh (every half-edge has its mate: `closedMeshMates`) triangle by triangle at
 * every `step`-th layer and joins its contours without bucketing segments per layer. Segments are
 * numbered triangle by triangle (a slot for every layer in a triangle's range, empty where the plane
 * misses it), so the segment of triangle t at layer L is `segmentBase[t] + (L − firstLayer[t]) / step`:
 * a segment's end on a cut edge meets the segment of the edge's mate triangle at the same layer, found
 * by that arithmetic (union–find over the segment numbers, no table per edge and layer). Within a layer
 * the numbers run in triangle order, as the per-layer buckets held them, so every sum (a layer's area
 * and perimeter, each contour's length and area, the loops in the order of their first segment) adds
 * the same numbers in the same order as `sliceIntoLayerBuckets` and the per-layer joins: the results are
 * the same to the bit. Each segment's length and signed area as in `measureSegment`, and its start into
 * the layer's box (x min, x max, y min, y max at `boxes[layer * 4]`), both ends into `firstLayerPoints`
 * on layer 0.
 */
export function joinClosedMeshContours(
  mesh: {
    positions: ArrayLike<number>;
    indices: ArrayLike<number>;
    edgeMates: Int32Array;
    flatNormals: Float64Array;
    /** The contour turns a corner on a side where the two triangles' plate normals' dot product is below this. */
    cornerCos: number;
  },
  /**
   * With, per triangle, its first segment slot (a slot per sliced layer of its range; one more at the
   * end), and for meshes of long triangles the layers whose plane cuts other edges than the layer
   * below's (`layersWhereCutsChange`).
   */
  layers: SlicedLayers & { segmentBase: Int32Array; cutsChange?: Uint8Array },
  targets: ContourTargets,
): void {
  const { positions, indices, edgeMates, flatNormals, cornerCos } = mesh;
  const { centre, loopRules, sums, boxes, firstLayerPoints } = targets;
  const { firstLayer, lastLayer, segmentBase, step, zMin, h, cutsChange } = layers;
  const asBelow = layersCutAsBelow(cutsChange, step, sums.area.length);
  const slotCount = segmentBase[firstLayer.length]!;
  // Per segment slot: its contour (-1: no segment), then its length and signed area side by side; a contour's root
  // (its first segment) sums the contour's length and area in place once its own are read.
  const parent = fdmScratch("slotParent", Int32Array, slotCount);
  const measures = fdmScratch("slotMeasures", Float64Array, slotCount * 2);
  sliceAndJoin(
    positions,
    indices,
    edgeMates,
    flatNormals,
    cornerCos,
    firstLayer,
    lastLayer,
    segmentBase,
    step,
    zMin,
    h,
    asBelow,
    centre.cx,
    centre.cy,
    parent,
    measures,
    sums.corners,
    boxes,
    firstLayerPoints,
  );
  const { roots, rootLayers } = sumContours(
    parent,
    measures,
    firstLayer,
    lastLayer,
    segmentBase,
    step,
    sums.area,
    sums.perimeter,
  );
  evaluateLoops(roots, rootLayers, measures, step, loopRules, sums);
}

/**
 * The slicing and joining pass of `joinClosedMeshContours`, its arguments one by one: reading the
 * literals made per part, its compiled code was thrown away at its entry now and then (decision 0105).
 */
function sliceAndJoin(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  edgeMates: Int32Array,
  flatNormals: Float64Array,
  cornerCos: number,
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  segmentBase: Int32Array,
  step: number,
  zMin: number,
  h: number,
  asBelow: Uint8Array,
  cx: number,
  cy: number,
  parent: Int32Array,
  measures: Float64Array,
  corners: Float64Array,
  boxes: Float64Array,
  firstLayerPoints: number[],
): void {
  const triangleCount = firstLayer.length;
  for (let t = 0; t < triangleCount; t++) {
    const first = firstLayer[t]!;
    const last = lastLayer[t]!;
    if (first > last) continue;
    const a = indices[t * 3]! * 3;
    const b = indices[t * 3 + 1]! * 3;
    const c = indices[t * 3 + 2]! * 3;
    const x0 = positions[a]!;
    const y0 = positions[a + 1]!;
    const z0 = positions[a + 2]!;
    const x1 = positions[b]!;
    const y1 = positions[b + 1]!;
    const z1 = positions[b + 2]!;
    const x2 = positions[c]!;
    const y2 = positions[c + 1]!;
    const z2 = positions[c + 2]!;
    const nx = flatNormals[t * 2]!;
    const ny = flatNormals[t * 2 + 1]!;
    let s = segmentBase[t]!;
    let cornerHalves = 0;
    for (let layer = first; layer <= last; layer += step, s++) {
      const z = zMin + (layer + 0.5) * h;
      // The sides the plane cuts (side k runs corner k → k + 1), by the slicing's own test.
      const cut0 = z0 <= z !== z1 <= z;
      const cut1 = z1 <= z !== z2 <= z;
      const cut2 = z2 <= z !== z0 <= z;
      if (!(cut0 ? cut1 || cut2 : cut1 && cut2)) {
        parent[s] = -1;
        continue;
      }
      // The first cut side gives the segment's first point, as `sliceLoadedTriangle` orders them.
      const sideA = cut0 ? 0 : 1;
      const sideB = cut0 ? (cut1 ? 1 : 2) : 2;
      let px: number, py: number, qx: number, qy: number;
      if (sideA === 0) {
        const f = (z - z0) / (z1 - z0);
        px = x0 + f * (x1 - x0);
        py = y0 + f * (y1 - y0);
      } else {
        const f = (z - z1) / (z2 - z1);
        px = x1 + f * (x2 - x1);
        py = y1 + f * (y2 - y1);
      }
      if (sideB === 1) {
        const f = (z - z1) / (z2 - z1);
        qx = x1 + f * (x2 - x1);
        qy = y1 + f * (y2 - y1);
      } else {
        const f = (z - z2) / (z0 - z2);
        qx = x2 + f * (x0 - x2);
        qy = y2 + f * (y0 - y2);
      }
      // As `measureSegment`, with the points in locals (through its point array and call: 15 % slower).
      const forward = (qx - px) * -ny + (qy - py) * nx >= 0;
      const ax = (forward ? px : qx) - cx;
      const ay = (forward ? py : qy) - cy;
      const bx = (forward ? qx : px) - cx;
      const by = (forward ? qy : py) - cy;
      measures[s * 2] = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
      measures[s * 2 + 1] = (ax * by - bx * ay) / 2;
      if (layer === 0) firstLayerPoints.push(ax + cx, ay + cy, bx + cx, by + cy);
      const box = layer * 4;
      if (!(boxes[box]! <= ax)) boxes[box] = ax;
      if (!(boxes[box + 1]! >= ax)) boxes[box + 1] = ax;
      if (!(boxes[box + 2]! <= ay)) boxes[box + 2] = ay;
      if (!(boxes[box + 3]! >= ay)) boxes[box + 3] = ay;
      // A layer cut as the one below joins as it did: its segments are put under it in the second pass.
      // The triangle's sides cut are those of its slot below, and so are its corners.
      if (asBelow[layer]) {
        if (cornerHalves > 0) corners[layer]! += cornerHalves;
        parent[s] = asBelowMark;
        continue;
      }
      // A corner where the triangles on a cut side turn (half a corner per segment end), as `sharpEdges`.
      const mateA = (edgeMates[t * 3 + sideA]! / 3) | 0;
      const mateB = (edgeMates[t * 3 + sideB]! / 3) | 0;
      cornerHalves =
        (nx * flatNormals[mateA * 2]! + ny * flatNormals[mateA * 2 + 1]! < cornerCos ? 0.5 : 0) +
        (nx * flatNormals[mateB * 2]! + ny * flatNormals[mateB * 2 + 1]! < cornerCos ? 0.5 : 0);
      if (cornerHalves > 0) corners[layer]! += cornerHalves;
      parent[s] = s;
      if (mateA < t) joinAcross(firstLayer, lastLayer, segmentBase, step, parent, mateA, layer, s);
      if (mateB < t) joinAcross(firstLayer, lastLayer, segmentBase, step, parent, mateB, layer, s);
    }
  }
}

/**
 * Joins segment s (at `layer`) with the segment of an earlier triangle across a cut side, if that one is
 * sliced there. Not a closure: one made per call is a new call target each time (optimised code dropped).
 */
function joinAcross(
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  segmentBase: Int32Array,
  step: number,
  parent: Int32Array,
  mate: number,
  layer: number,
  s: number,
): void {
  if (layer < firstLayer[mate]! || layer > lastLayer[mate]!) return;
  const above = layer - firstLayer[mate]!;
  const other = segmentBase[mate]! + (step === 1 ? above : step === 2 ? above >> 1 : (above / step) | 0);
  if (parent[other]! >= 0) join(parent, other, s);
}

/**
 * Puts every segment under its contour's root (its first segment) and sums, in slot order, each
 * layer's area and perimeter and each contour's length and area at its root. Returns the roots in slot
 * order (per layer, the order of their first segments) and their layers.
 */
function sumContours(
  parent: Int32Array,
  measures: Float64Array,
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  segmentBase: Int32Array,
  step: number,
  area: Float64Array,
  perimeter: Float64Array,
): { roots: Int32Array; rootLayers: Int32Array } {
  const triangleCount = firstLayer.length;
  let roots = new Int32Array(1024);
  let rootLayers = new Int32Array(1024);
  let rootCount = 0;
  for (let t = 0; t < triangleCount; t++) {
    let s = segmentBase[t]!;
    for (let layer = firstLayer[t]!; layer <= lastLayer[t]!; layer += step, s++) {
      const joined = parent[s]!;
      if (joined === -1) continue;
      // Cut as below: the contour's root is its root triangle's slot one layer up (the same triangles,
      // the same first one); the segment below was resolved just before.
      const r = joined === asBelowMark ? parent[s - 1]! + 1 : root(parent, s);
      parent[s] = r;
      const length = measures[s * 2]!;
      const signedArea = measures[s * 2 + 1]!;
      area[layer]! += signedArea;
      perimeter[layer]! += length;
      // The root is the contour's first segment (joins put the later under the earlier).
      if (r === s) {
        measures[s * 2] = 0 + length;
        measures[s * 2 + 1] = 0 + signedArea;
        if (rootCount === roots.length) {
          roots = growInt32(roots);
          rootLayers = growInt32(rootLayers);
        }
        roots[rootCount] = s;
        rootLayers[rootCount++] = layer;
      } else {
        measures[r * 2]! += length;
        measures[r * 2 + 1]! += signedArea;
      }
    }
  }
  return { roots: roots.subarray(0, rootCount), rootLayers };
}

/** Marks a slot whose layer is cut as the sliced one below (joined in the second pass). */
const asBelowMark = -2;

/**
 * Per layer, 1 where it is sliced (a multiple of the step, as every triangle's first sliced layer is)
 * and no layer since the sliced one below cuts other edges (`cutsChange`): its contours are the layer
 * below's, moved along the same edges. All 0 without `cutsChange`.
 */
function layersCutAsBelow(cutsChange: Uint8Array | undefined, step: number, layerCount: number): Uint8Array {
  const asBelow = new Uint8Array(layerCount);
  if (!cutsChange) return asBelow;
  for (let layer = step; layer < layerCount; layer += step) {
    let same = 1;
    for (let between = layer - step + 1; between <= layer; between++) if (cutsChange[between]) same = 0;
    asBelow[layer] = same;
  }
  return asBelow;
}

/**
 * Each contour's part in the layer's loop and island counts, small loops, small-perimeter path and
 * small islands (solid infill), in the order of the contours' first segments, as `measureFdmLayers`
 * does per layer. Which island a hole lies in is not known here: the holes are counted in the largest
 * island (a part's holes are mostly in its body).
 */
function evaluateLoops(
  /** The contours' roots, in the order of their first segments, and each one's layer. */
  roots: Int32Array,
  rootLayers: Int32Array,
  /** Per slot, length and signed area; at a contour's root, the contour's. */
  measures: Float64Array,
  step: number,
  loopRules: LoopRules,
  sums: LayerContourSums,
): void {
  const { bandMm, smallBelowMm2, loopSpacingMm } = loopRules;
  const { islands, loops, smallIslandArea, smallIslandLength, smallLoop, smallPath } = sums;
  const layerCount = islands.length;
  const largestArea = new Float64Array(layerCount);
  const largestLength = new Float64Array(layerCount);
  const holeArea = new Float64Array(layerCount);
  const holeLength = new Float64Array(layerCount);
  for (let k = 0; k < roots.length; k++) {
    const s = roots[k]!;
    const layer = rootLayers[k]!;
    if (!(measures[s * 2]! > 0)) continue;
    const loopLength = measures[s * 2]!;
    const loopArea = measures[s * 2 + 1]!;
    loops[layer]!++;
    if (loopArea > 0) {
      islands[layer]!++;
      let island = loopArea;
      let islandLength = loopLength;
      if (island > largestArea[layer]!) {
        [island, largestArea[layer]] = [largestArea[layer]!, island];
        [islandLength, largestLength[layer]] = [largestLength[layer]!, islandLength];
      }
      if (island > 0 && island - bandMm * islandLength < smallBelowMm2) {
        smallIslandArea[layer]! += island;
        smallIslandLength[layer]! += islandLength;
      }
    } else {
      holeArea[layer]! += loopArea;
      holeLength[layer]! += loopLength;
    }
    if (loopLength < smallLoopLengthMm) smallLoop[layer]! += loopLength;
    smallPath[layer]! += smallPerimeterPath(loopLength, loopArea, loopSpacingMm);
  }
  for (let layer = 0; layer < layerCount; layer += step) {
    const largestRegion = largestArea[layer]! + holeArea[layer]!;
    const outline = largestLength[layer]! + holeLength[layer]!;
    if (largestArea[layer]! > 0 && largestRegion - bandMm * outline < smallBelowMm2) {
      smallIslandArea[layer]! += Math.max(0, largestRegion);
      smallIslandLength[layer]! += outline;
    }
  }
}
