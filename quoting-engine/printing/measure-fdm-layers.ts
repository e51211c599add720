import { addStepSkinGrowth } from "./add-step-skin-growth";
import { convexHullPerimeter } from "./convex-hull-perimeter";
import { edgeMatesFromIds, meshEdgeIds } from "./mesh-edge-ids";
import { layersWhereCutsChange } from "./layers-where-cuts-change";
import type { MeasureFdmLayersOptions } from "./measure-fdm-layers-options";
import { measureFdmSupports } from "./measure-fdm-supports";
import { columnGridOver, emptyColumnHits } from "./column-hits";
import { sliceRangesAndSkins } from "./slice-ranges-and-skins";
import { copyUnslicedLayers } from "./copy-unsliced-layers";
import { joinClosedMeshContours, zeroLayerContourSums } from "./join-closed-mesh-contours";
import { joinContoursPerLayer } from "./join-contours-per-layer";
import { rotatePositions } from "./rotate-positions";
import { fdmScratch, releaseUnaskedFdmScratch } from "./fdm-scratch";
import { perimeterLoops } from "./small-perimeter-path";

/**
 * What a slicer would see of one part in one orientation, layer by layer: the facts the FDM time and
 * filament model (`estimate-fdm-print.ts`) needs, measured once at analysis and stored with it, so a
 * price never reads the mesh again. One entry per layer of `layerHeightMm`, bottom up; plain arrays
 * (JSON), areas in mm², lengths in mm.
 */
export interface FdmLayerProfile {
  layerHeightMm: number;
  /** Cross-section area at mid-layer. */
  areaMm2: number[];
  /** Length of every contour (outer and holes) at mid-layer. */
  perimeterMm: number[];
  /** Part of `perimeterMm` in loops shorter than a slicer's "small perimeter" (2π × 6.5 mm). */
  smallLoopMm: number[];
  /**
   * Path of the perimeter loops (all of them, `perimeterLoops` per contour) shorter than 2π × 6.5 mm,
   * which PrusaSlicer prints at the small-perimeter speed: each loop's length from its contour's by
   * Steiner's formula (`smallPerimeterPath`), so an inner loop can be small where its contour is not.
   * Absent in profiles stored before it (the estimate then takes `smallLoopMm`'s share of every loop).
   */
  smallPerimeterPathMm?: number[];
  /**
   * Islands whose infill area (inside three perimeters of 0.407 mm) is under 70 mm², which the slicer
   * fills solid (PrusaSlicer's `solid_infill_below_area`, per region): their area and contour length,
   * so the estimate takes off its own perimeters. Absent in profiles stored before it.
   */
  smallIslandMm2?: number[];
  smallIslandPerimeterMm?: number[];
  /** Outer contours (islands) and all contours (islands and holes). */
  islandCount: number[];
  loopCount: number[];
  /** Contour corners that turn by more than `sharpCornerDeg`: the head slows down at each. */
  cornerCount: number[];
  /** Area, projected on the plate, of surfaces facing up (top skins) and down (bottom skins) in the layer. */
  upMm2: number[];
  downMm2: number[];
  /**
   * Solid infill area the slicer makes in the layer from the skins within the solid layers above and
   * below it (`solid-skin-share.ts`: sloped skins only beyond the perimeters, narrow ones grown).
   * Absent in profiles stored before it (the estimate then sums `upMm2` and `downMm2`).
   */
  solidSkinMm2?: number[];
  /** Support cross-section per layer: sparse body and dense interface (contact) layers. */
  supportMm2: number[];
  supportInterfaceMm2: number[];
  /** Outline of the support's cross-section per layer, mm (absent in profiles stored before it). */
  supportOutlineMm?: number[];
  /**
   * Height of the support's own layers at each layer, mm (`supportLayerHeights` in
   * `measure-fdm-supports.ts`: 0.2 where overhangs are a layer apart, up to 0.3 over a tall gap).
   * Absent in profiles stored before it (the estimate then takes the machine's `supportLayerHeightMm`).
   */
  supportLayerHeightMm?: number[];
  /** Half the sum of the layer's width and depth: how far the head travels between islands. */
  extentMm: number[];
  /** Convex hull perimeter of the first layer (the skirt runs around it). */
  firstLayerHullMm: number;
}

/**
 * Both ends of every segment of layer 0 (x y x y …), one array for every part, emptied at the start:
 * its elements are doubles from the first part on. A fresh `[]` holds small integers until the first
 * push of a fraction; where V8 had forgotten that the array made there turns into doubles (it does,
 * now and then between parts), the joins' compiled loop was thrown away at that push ("lost precision
 * or NaN", decision 0105).
 */
const keptFirstLayerPoints: number[] = [0.5];

/** Segments per triangle from which layers are swept bottom up (long CAD triangles), not bucketed. */
const sweepSegmentsPerTriangle = 4;

/** Meshes with more triangles than this are sliced every second layer unless `sliceEvery` says otherwise. */
export const fineTriangleLimit = 100_000;

/**
 * Slices the mesh (z up, plate at its lowest point) at mid-layer heights in one sweep over the
 * triangles: each triangle adds one segment per layer it crosses, contours are joined through the
 * mesh edges the segments end on (union–find over edge ids, no polygons built), and each contour's
 * length and signed area summed. Needs an indexed (welded) mesh for the joins; an unwelded one still
 * gives right areas and lengths but counts each segment as a loop. Linear in triangles plus segments.
 */
export function measureFdmLayers(
  drawnPositions: ArrayLike<number>,
  indices: ArrayLike<number>,
  options: MeasureFdmLayersOptions = {},
): FdmLayerProfile {
  const positions = options.rotation
    ? rotatePositions(
        drawnPositions,
        options.rotation,
        fdmScratch("positions", Float64Array, drawnPositions.length),
      )
    : drawnPositions;
  const triangleCount = Math.floor(indices.length / 3);
  const vertexCount = Math.floor(positions.length / 3);
  // z min, z max, x sum, y sum, and the plate extents x min, x max, y min, y max for the support's grid.
  const vertexFacts = vertexFactsOf(positions, vertexCount);
  const [zMin, zMax, xSum, ySum] = vertexFacts as unknown as [number, number, number, number];
  // Parts taller than the cap (beyond any desktop printer) are measured in thicker layers; the
  // estimate counts each as several printed ones.
  const h = Math.max(options.layerHeightMm ?? 0.2, (zMax - zMin) / (options.maxLayers ?? 1500));
  const layerCount = triangleCount === 0 ? 0 : Math.max(1, Math.round((zMax - zMin) / h));
  const cx = xSum / Math.max(1, vertexCount);
  const cy = ySum / Math.max(1, vertexCount);
  // Edge ids only where the edge mates are not given (closed, clean meshes go by their mates); a mesh
  // whose every edge joins two triangles (a STEP part's welded faces) gets its mates from them.
  const edges = options.edgeMates ? undefined : meshEdgeIds(indices, triangleCount);
  const edgeMates = options.edgeMates ?? edgeMatesFromIds(edges!);
  // Per-triangle arrays are kept between calls (`fdmScratch`); each is written for every triangle here.
  const runs = fdmScratch("runs", Float64Array, triangleCount);
  const flatNormals = fdmScratch("flatNormals", Float64Array, triangleCount * 2, true);
  const step = Math.max(1, Math.round(options.sliceEvery ?? (triangleCount > fineTriangleLimit ? 2 : 1)));
  const cornerCos = Math.cos(((options.sharpCornerDeg ?? 25) * Math.PI) / 180);

  // Per layer, what its contours give (`LayerContourSums`).
  const sums = zeroLayerContourSums(layerCount);
  const up = new Float64Array(layerCount);
  const down = new Float64Array(layerCount);
  const solidSkin = new Float64Array(layerCount);
  const skin = {
    // In the measured layers: a tall part measured in thicker layers spans fewer of them.
    solidLayers: Math.max(1, Math.round(((options.solidLayers ?? 3) * (options.layerHeightMm ?? 0.2)) / h)),
    bandMm: options.perimeterBandMm ?? 1.22,
    marginMm: options.skinMarginMm ?? 3,
  };
  const firstLayer = fdmScratch("firstLayer", Int32Array, triangleCount);
  const lastLayer = fdmScratch("lastLayer", Int32Array, triangleCount);
  // Per triangle, its first segment (a slot per sliced layer of its range), for closed meshes' joins.
  const segmentBase = fdmScratch("segmentBase", Int32Array, edgeMates ? triangleCount + 1 : 0);
  if (edgeMates) segmentBase[0] = 0;
  const support = {
    zMin,
    layerHeightMm: h,
    layerCount,
    supportAngleDeg: options.supportAngleDeg ?? 42,
    contactGapMm: options.supportContactGapMm ?? 0.2,
    spreadMm: options.supportSpreadMm ?? 1.5,
    supportBridges: options.supportBridges ?? false,
    interfaceLayers: options.supportInterfaceLayers ?? 4,
    interfaceAngleDeg: options.supportInterfaceAngleDeg ?? 36.5,
    supportMaxLayerHeightMm: options.supportMaxLayerHeightMm ?? 0.3,
  };
  // Columns beside the part too, for supports grown past its edge down to the plate (decision 0067).
  const reachMm = Math.min(options.supportReachBeyondPartMm ?? 0.75, support.spreadMm);
  const columnHits = emptyColumnHits(columnGridOver(vertexFacts.subarray(4), reachMm));
  const overhangLimit = -Math.cos((support.supportAngleDeg * Math.PI) / 180);
  const segmentCount = sliceRangesAndSkins(
    positions,
    indices,
    { layerCount, step, zMin, h, overhangLimit },
    { firstLayer, lastLayer, segmentBase, flatNormals, runs },
    { up, down, solidSkin, skin },
    columnHits,
  );
  addStepSkinGrowth(
    positions,
    indices,
    runs,
    edgeMates ?? edges!.ids,
    edgeMates ? undefined : edges!.triangles,
    zMin,
    h,
    layerCount,
    skin.solidLayers,
    skin.bandMm,
    skin.marginMm,
    solidSkin,
  );
  // Meshes of long triangles (CAD exports: several layers each) are swept bottom up layer by layer
  // (`joinContoursPerLayer`); meshes of short ones are sliced triangle by triangle.
  const sweep = segmentCount >= sweepSegmentsPerTriangle * triangleCount;
  const loopSpacing = skin.bandMm / perimeterLoops;
  const smallBelowMm2 = options.solidBelowAreaMm2 ?? 70;
  const firstLayerPoints = keptFirstLayerPoints;
  firstLayerPoints.length = 0;
  const boxes = new Float64Array(layerCount * 4).fill(NaN); // x min, x max, y min, y max per layer
  // Closed meshes (every edge between two triangles) are sliced and joined triangle by triangle, with
  // no buckets per layer, and meshes of long triangles keep a layer's joins where its plane cuts the
  // same edges as the one below; the others go by the per-layer buckets or the sweep below.
  const loopRules = { bandMm: skin.bandMm, smallBelowMm2, loopSpacingMm: loopSpacing };
  if (edgeMates) {
    const cutsChange = sweep
      ? layersWhereCutsChange(positions, vertexCount, firstLayer, lastLayer, zMin, h, layerCount)
      : undefined;
    joinClosedMeshContours(
      { positions, indices, edgeMates, flatNormals, cornerCos },
      { firstLayer, lastLayer, segmentBase, step, zMin, h, cutsChange },
      { centre: { cx, cy }, loopRules, sums, boxes, firstLayerPoints },
    );
  } else {
    joinContoursPerLayer(
      { positions, indices, vertexCount, edges: edges!, flatNormals, cornerCos },
      { firstLayer, lastLayer, step, zMin, h, sweep },
      { centre: { cx, cy }, loopRules, sums, boxes, firstLayerPoints },
    );
  }
  // Layers not sliced take the contours of the sliced one below.
  const perLayer = Object.values(sums);
  if (step > 1) copyUnslicedLayers(step, perLayer, boxes);
  const supports = measureFdmSupports(columnHits, support);
  releaseUnaskedFdmScratch();
  return {
    layerHeightMm: h,
    areaMm2: rounded(sums.area.map(Math.abs)),
    perimeterMm: rounded(sums.perimeter),
    smallLoopMm: rounded(sums.smallLoop),
    smallPerimeterPathMm: rounded(sums.smallPath),
    smallIslandMm2: rounded(sums.smallIslandArea),
    smallIslandPerimeterMm: rounded(sums.smallIslandLength),
    islandCount: Array.from(sums.islands),
    loopCount: Array.from(sums.loops),
    cornerCount: Array.from(sums.corners, Math.round),
    upMm2: rounded(up),
    downMm2: rounded(down),
    solidSkinMm2: rounded(solidSkin),
    supportMm2: rounded(supports.sparseMm2),
    supportInterfaceMm2: rounded(supports.interfaceMm2),
    supportOutlineMm: rounded(supports.outlineMm),
    supportLayerHeightMm: Array.from(supports.layerHeightMm, (v) => Math.round(v * 1000) / 1000),
    extentMm: Array.from({ length: layerCount }, (_, layer) => {
      const extent =
        (boxes[layer * 4 + 1]! - boxes[layer * 4]! + boxes[layer * 4 + 3]! - boxes[layer * 4 + 2]!) / 2;
      return Number.isFinite(extent) ? Math.round(extent * 100) / 100 : 0;
    }),
    firstLayerHullMm: Math.round(convexHullPerimeter(firstLayerPoints) * 100) / 100,
  };
}

/**
 * One pass over the vertices: z min, z max, the sums of x and of y, then x min, x max, y min, y max
 * (Math.min and Math.max only where they may change them: the same −0 and +0 as taking them of every
 * vertex). A function of its own: `measureFdmLayers` has no long loop, so it is not compiled while
 * running one (on-stack replacement) and dropped again on the code after it, at every call.
 */
function vertexFactsOf(positions: ArrayLike<number>, vertexCount: number): Float64Array {
  let zMin = Infinity;
  let zMax = -Infinity;
  let xSum = 0;
  let ySum = 0;
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let v = 0; v < vertexCount; v++) {
    const x = positions[v * 3]!;
    const y = positions[v * 3 + 1]!;
    const z = positions[v * 3 + 2]!;
    if (z < zMin) zMin = z;
    if (z > zMax) zMax = z;
    xSum += x;
    ySum += y;
    if (x <= xMin) xMin = Math.min(xMin, x);
    if (x >= xMax) xMax = Math.max(xMax, x);
    if (y <= yMin) yMin = Math.min(yMin, y);
    if (y >= yMax) yMax = Math.max(yMax, y);
  }
  return Float64Array.of(zMin, zMax, xSum, ySum, xMin, xMax, yMin, yMax);
}

const rounded = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 100) / 100);
