import { addStepSkinGrowth } from "./add-step-skin-growth";
import { convexHullPerimeter } from "./convex-hull-perimeter";
import { edgeMatesFromIds, meshEdgeIds } from "./mesh-edge-ids";
import { layersWhereCutsChange } from "./layers-where-cuts-change";
import type { MeasureFdmLayersOptions } from "./measure-fdm-layers-options";
import { measureFdmSupports } from "./measure-fdm-supports";
import { horizontalNormal } from "./horizontal-normals";
import { skinArea, skinFactCount } from "./skin-area";
import { copyUnslicedLayers } from "./copy-unsliced-layers";
import { contourSumNames, joinClosedMeshContours, type LayerContourSums } from "./join-closed-mesh-contours";
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
  let zMin = Infinity;
  let zMax = -Infinity;
  let xSum = 0;
  let ySum = 0;
  const vertexCount = Math.floor(positions.length / 3);
  for (let v = 0; v < vertexCount; v++) {
    const z = positions[v * 3 + 2]!;
    if (z < zMin) zMin = z;
    if (z > zMax) zMax = z;
    xSum += positions[v * 3]!;
    ySum += positions[v * 3 + 1]!;
  }
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
  const sums = Object.fromEntries(
    contourSumNames.map((name) => [name, new Float64Array(layerCount)]),
  ) as unknown as LayerContourSums;
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
  const segmentCount = sliceRangesAndSkins(
    positions,
    indices,
    { layerCount, step, zMin, h },
    { firstLayer, lastLayer, segmentBase, flatNormals, runs },
    { up, down, solidSkin, skin },
  );
  const triangleAcross = edgeMates
    ? (halfEdge: number) => (edgeMates[halfEdge]! / 3) | 0
    : (halfEdge: number) => {
        const e = edges!.ids[halfEdge]!;
        const t1 = edges!.triangles[e * 2]!;
        return t1 === ((halfEdge / 3) | 0) ? edges!.triangles[e * 2 + 1]! : t1;
      };
  addStepSkinGrowth(
    positions,
    indices,
    runs,
    triangleAcross,
    { zMin, h, count: layerCount },
    skin,
    solidSkin,
  );
  // Meshes of long triangles (CAD exports: several layers each) are swept bottom up layer by layer
  // (`joinContoursPerLayer`); meshes of short ones are sliced triangle by triangle.
  const sweep = segmentCount >= sweepSegmentsPerTriangle * triangleCount;
  const loopSpacing = skin.bandMm / perimeterLoops;
  const smallBelowMm2 = options.solidBelowAreaMm2 ?? 70;
  const firstLayerPoints: number[] = [];
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
  const supports = measureFdmSupports(positions, indices, {
    zMin,
    layerHeightMm: h,
    layerCount,
    supportAngleDeg: options.supportAngleDeg ?? 42,
    contactGapMm: options.supportContactGapMm ?? 0.2,
    spreadMm: options.supportSpreadMm ?? 1.5,
    reachBeyondPartMm: options.supportReachBeyondPartMm ?? 0.75,
    supportBridges: options.supportBridges ?? false,
    interfaceLayers: options.supportInterfaceLayers ?? 4,
    interfaceAngleDeg: options.supportInterfaceAngleDeg ?? 36.5,
    supportMaxLayerHeightMm: options.supportMaxLayerHeightMm ?? 0.3,
  });
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
 * The first pass over the triangles: each one's plate normal and slope run (`horizontalNormal`), its
 * first sliced and last layer, its first segment slot when `segmentBase` is given (one more at the
 * end), and its skins (`skinArea`). A function of its own so that the calls inline. Returns the slots.
 */
function sliceRangesAndSkins(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  layers: { layerCount: number; step: number; zMin: number; h: number },
  ranges: {
    firstLayer: Int32Array;
    lastLayer: Int32Array;
    segmentBase: Int32Array;
    flatNormals: Float64Array;
    runs: Float64Array;
  },
  skins: {
    up: Float64Array;
    down: Float64Array;
    solidSkin: Float64Array;
    skin: { solidLayers: number; bandMm: number; marginMm: number };
  },
): number {
  const { layerCount, step, zMin, h } = layers;
  const { firstLayer, lastLayer, segmentBase, flatNormals, runs } = ranges;
  const { up, down, solidSkin, skin } = skins;
  const triangleCount = firstLayer.length;
  const stepShift = step === 1 ? 0 : step === 2 ? 1 : -1;
  let segmentCount = 0;
  const skinFacts = new Float64Array(skinFactCount);
  skinFacts[6] = zMin;
  skinFacts[7] = h;
  for (let t = 0; t < triangleCount; t++) {
    // Twice the triangle's area projected on the plate, positive facing up.
    horizontalNormal(positions, indices, t, skinFacts, flatNormals, runs);
    const z0 = positions[indices[t * 3]! * 3 + 2]!;
    const z1 = positions[indices[t * 3 + 1]! * 3 + 2]!;
    const z2 = positions[indices[t * 3 + 2]! * 3 + 2]!;
    const lo = Math.min(z0, z1, z2);
    const hi = Math.max(z0, z1, z2);
    const loInLayers = (lo - zMin) / h;
    const hiInLayers = (hi - zMin) / h;
    const first = Math.max(0, Math.ceil(loInLayers - 0.5));
    const last = Math.min(layerCount - 1, Math.ceil(hiInLayers - 0.5) - 1);
    // Divisions by the step only where it is not 1 or 2 (a float division per triangle is measurable).
    const firstSliced =
      stepShift >= 0 ? ((first + step - 1) >> stepShift) << stepShift : Math.ceil(first / step) * step;
    firstLayer[t] = firstSliced;
    lastLayer[t] = last;
    if (last >= firstSliced)
      segmentCount +=
        stepShift >= 0 ? ((last - firstSliced) >> stepShift) + 1 : ((last - firstSliced) / step + 1) | 0;
    if (segmentBase.length > 0) segmentBase[t + 1] = segmentCount;
    skinFacts[1] = lo;
    skinFacts[2] = hi;
    skinFacts[3] = loInLayers;
    skinFacts[4] = hiInLayers;
    skinFacts[5] = Math.abs(runs[t]!);
    skinArea(skinFacts, layerCount, up, down, solidSkin, skin);
  }
  return segmentCount;
}

const rounded = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 100) / 100);
