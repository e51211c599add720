import { addStepSkinGrowth } from "./add-step-skin-growth";
import { convexHullPerimeter } from "./convex-hull-perimeter";
import { meshEdgeIds, meshEdgeIdsFromMates } from "./mesh-edge-ids";
import type { MeasureFdmLayersOptions } from "./measure-fdm-layers-options";
import { measureFdmSupports } from "./measure-fdm-supports";
import { horizontalNormal } from "./horizontal-normals";
import { skinArea } from "./skin-area";
import { measureSegment } from "./measure-segment";
import { crossingTriangles, trianglesByFirstLayer } from "./crossing-triangles";
import { copyUnslicedLayers } from "./copy-unsliced-layers";
import { sliceIntoLayerBuckets } from "./slice-into-layer-buckets";
import { join, root } from "./join-segments";
import { joinClosedMeshContours } from "./join-closed-mesh-contours";
import { sharpEdges } from "./sharp-edges";
import { sharpHalfEdges } from "./sharp-half-edges";
import { layersWhereCutsChange } from "./layers-where-cuts-change";
import { loadTriangle, pointsOnCuts, sliceLoadedTriangle } from "./slice-triangle";
import { rotatePositions } from "./rotate-positions";
import { perimeterLoops, smallLoopLengthMm, smallPerimeterPath } from "./small-perimeter-path";

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
  const positions = options.rotation ? rotatePositions(drawnPositions, options.rotation) : drawnPositions;
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
  // Edge ids only where the edge mates are not given (closed, clean meshes go by their mates).
  const edgeMates = options.edgeMates;
  let edges = edgeMates ? undefined : meshEdgeIds(indices, triangleCount);
  const runs = new Float64Array(triangleCount);
  const flatNormals = new Float64Array(triangleCount * 2);
  const step = Math.max(1, Math.round(options.sliceEvery ?? (triangleCount > fineTriangleLimit ? 2 : 1)));
  const stepShift = step === 1 ? 0 : step === 2 ? 1 : -1;
  const cornerCos = Math.cos(((options.sharpCornerDeg ?? 25) * Math.PI) / 180);

  const area = new Float64Array(layerCount);
  const perimeter = new Float64Array(layerCount);
  const up = new Float64Array(layerCount);
  const down = new Float64Array(layerCount);
  const solidSkin = new Float64Array(layerCount);
  const skin = {
    // In the measured layers: a tall part measured in thicker layers spans fewer of them.
    solidLayers: Math.max(1, Math.round(((options.solidLayers ?? 3) * (options.layerHeightMm ?? 0.2)) / h)),
    bandMm: options.perimeterBandMm ?? 1.22,
    marginMm: options.skinMarginMm ?? 3,
  };
  const corners = new Float64Array(layerCount);
  const firstLayer = new Int32Array(triangleCount);
  const lastLayer = new Int32Array(triangleCount);
  let segmentCount = 0;
  // Per triangle, its first segment (a slot per sliced layer of its range), for closed meshes' joins.
  const segmentBase = new Int32Array(options.edgeMates ? triangleCount + 1 : 0);
  for (let t = 0; t < triangleCount; t++) {
    // Twice the triangle's area projected on the plate, positive facing up.
    const projected2 = horizontalNormal(positions, indices, t, h, flatNormals, runs);
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
    skinArea(
      projected2 / 2,
      { lo, hi, loInLayers, hiInLayers },
      zMin,
      h,
      layerCount,
      up,
      down,
      solidSkin,
      skin,
      Math.abs(runs[t]!),
    );
  }
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
  // Layers are swept bottom up with the triangles that cross each, in triangle order (triangles
  // sorted by their first sliced layer, and a list of those still crossing): each layer's segments are
  // made, joined into contours and summed while they are in cache, in the order a per-layer bucket
  // held them, so every sum adds the same numbers in the same order as slicing all triangles first.
  // Meshes of short triangles (a layer or two each) are sliced triangle by triangle into per-layer
  // buckets, reading the mesh in order; the sweep would visit each layer's triangles all over it.
  const sweep = segmentCount >= sweepSegmentsPerTriangle * triangleCount;
  const smallLoop = new Float64Array(layerCount);
  const smallPath = new Float64Array(layerCount);
  const loopSpacing = skin.bandMm / perimeterLoops;
  const islands = new Float64Array(layerCount);
  const loops = new Float64Array(layerCount);
  const smallIslandArea = new Float64Array(layerCount);
  const smallIslandLength = new Float64Array(layerCount);
  const smallBelowMm2 = options.solidBelowAreaMm2 ?? 70;
  const firstLayerPoints: number[] = [];
  const boxes = new Float64Array(layerCount * 4).fill(NaN); // x min, x max, y min, y max per layer
  // Closed, clean meshes of short triangles (edge mates given) are sliced and joined triangle by
  // triangle, with no buckets per layer; the others by the per-layer buckets or the sweep below.
  if (!sweep && edgeMates)
    joinClosedMeshContours(
      {
        positions,
        indices,
        edgeMates,
        sharpHalfEdge: sharpHalfEdges(flatNormals, edgeMates, cornerCos),
        flatNormals,
      },
      { firstLayer, lastLayer, segmentBase, step, zMin, h },
      { cx, cy },
      { bandMm: skin.bandMm, smallBelowMm2, loopSpacingMm: loopSpacing },
      { area, perimeter, corners, smallLoop, smallPath, islands, loops, smallIslandArea, smallIslandLength },
      boxes,
      firstLayerPoints,
    );
  else {
    edges ??= meshEdgeIdsFromMates(edgeMates!);
    const sharpEdge = sharpEdges(flatNormals, edges, cornerCos);
    // Segments bucketed by layer (counting sort) so each layer's contours are joined together.
    const segmentLayerCounts = new Uint32Array(layerCount + 1);
    for (let t = 0; t < triangleCount; t++)
      for (let layer = firstLayer[t]!; layer <= lastLayer[t]!; layer += step)
        segmentLayerCounts[layer + 1]!++;
    let layerSegmentsMax = 0;
    for (let layer = 0; layer < layerCount; layer++)
      if (segmentLayerCounts[layer + 1]! > layerSegmentsMax)
        layerSegmentsMax = segmentLayerCounts[layer + 1]!;
    const sorted = sweep
      ? trianglesByFirstLayer(firstLayer, lastLayer, layerCount)
      : { startsAt: new Int32Array(layerCount + 1), byStart: new Int32Array(0) };
    const cutsChange = !sweep
      ? new Uint8Array(0)
      : layersWhereCutsChange(positions, vertexCount, firstLayer, lastLayer, zMin, h, layerCount);
    let crossing = new Int32Array(layerSegmentsMax);
    let crossingNext = new Int32Array(layerSegmentsMax);
    let crossingCount = 0;
    // Per segment of the layer, side by side: the mesh edges it ends on, and its length and signed area.
    let segEdges: Int32Array = new Int32Array(layerSegmentsMax * 2);
    let segMeasures: Float64Array = new Float64Array(layerSegmentsMax * 2);
    const point = new Float64Array(6);
    const pointEdge = new Int32Array(2);
    const corner = new Float64Array(9); // the triangle being sliced: x, y, z of each corner
    const buckets = sweep
      ? { bucketAt: new Int32Array(0), edges: new Int32Array(0), measures: new Float64Array(0) }
      : sliceIntoLayerBuckets(
          { positions, indices, edgeIds: edges.ids, flatNormals },
          { firstLayer, lastLayer, layerCounts: segmentLayerCounts, step, zMin, h },
          { cx, cy },
          boxes,
          firstLayerPoints,
        );
    // Contours are joined per layer by a union–find over the layer's segments (two segments on one mesh
    // edge are one contour), so its arrays are the layer's few thousand entries, not one per mesh edge.
    const segmentAt = new Int32Array(edges.count).fill(-1); // edge -> a segment of this layer on it
    const parent = new Int32Array(layerSegmentsMax);
    const loopLength = new Float64Array(layerSegmentsMax);
    const loopArea = new Float64Array(layerSegmentsMax);
    // Per segment of the layer: its triangle and the two edges it cuts (`sliceLoadedTriangle`'s `cuts`).
    const segTriangle = new Int32Array(layerSegmentsMax);
    const cuts = new Float64Array(layerSegmentsMax * 12);
    let end = 0;
    for (let layer = 0; layer < layerCount; layer += step) {
      // Where the plane cuts the same edges of the same triangles as in the sliced layer below, the
      // segments are those of the layer below moved along their edges, and they join as they did there:
      // the points come from the edges kept, the roots and corners are kept, the sums are made again.
      let sameCuts = sweep && layer >= step;
      for (let between = layer - step + 1; sameCuts && between <= layer; between++)
        if (cutsChange[between]) sameCuts = false;
      const z = zMin + (layer + 0.5) * h;
      if (sweep && !sameCuts) {
        // The triangles crossing this layer, in triangle order (sliced layers are multiples of step,
        // and so is every triangle's first).
        const kept = crossingTriangles(crossing, crossingCount, crossingNext, sorted, lastLayer, layer);
        [crossing, crossingNext] = [crossingNext, crossing];
        crossingCount = kept;
        end = 0;
      }
      if (!sweep) {
        const [from, to] = [buckets.bucketAt[layer]!, buckets.bucketAt[layer + 1]!];
        segEdges = buckets.edges.subarray(from * 2, to * 2);
        segMeasures = buckets.measures.subarray(from * 2, to * 2);
        end = to - from;
      }
      for (let k = 0; k < (!sweep ? 0 : sameCuts ? end : crossingCount); k++) {
        let s = k;
        if (sameCuts) pointsOnCuts(cuts, s, z, point);
        else {
          const t = crossing[k]!;
          loadTriangle(positions, indices, t, corner);
          if (!sliceLoadedTriangle(corner, edges.ids, t, z, point, pointEdge, cuts, end)) continue;
          s = end++;
          segTriangle[s] = t;
          segEdges[s * 2] = pointEdge[0]!;
          segEdges[s * 2 + 1] = pointEdge[1]!;
        }
        const t = segTriangle[s]!;
        measureSegment(
          point,
          flatNormals[t * 2]!,
          flatNormals[t * 2 + 1]!,
          cx,
          cy,
          segMeasures,
          s,
          boxes,
          layer,
          firstLayerPoints,
        );
      }
      const start = 0;
      if (sameCuts) corners[layer] = corners[layer - step]!;
      else
        for (let s = start; s < end; s++) {
          parent[s] = s;
          const a = segEdges[s * 2]!;
          const b = segEdges[s * 2 + 1]!;
          const onA = segmentAt[a]!;
          if (onA === -1) segmentAt[a] = s;
          else join(parent, onA, s);
          const onB = segmentAt[b]!;
          if (onB === -1) segmentAt[b] = s;
          else join(parent, onB, s);
          if (sharpEdge[a]) corners[layer]! += 0.5;
          if (sharpEdge[b]) corners[layer]! += 0.5;
        }
      for (let s = start; s < end; s++) {
        const r = sameCuts ? parent[s]! : root(parent, s);
        parent[s] = r;
        const length = segMeasures[s * 2]!;
        const signedArea = segMeasures[s * 2 + 1]!;
        loopLength[r]! += length;
        loopArea[r]! += signedArea;
        area[layer]! += signedArea;
        perimeter[layer]! += length;
      }
      // Infill regions under `smallBelowMm2` are solid. Which island a hole lies in is not known here:
      // the holes are counted in the largest island (a part's holes are mostly in its body).
      let largestArea = 0;
      let largestLength = 0;
      let holeArea = 0;
      let holeLength = 0;
      for (let s = start; s < end; s++) {
        const r = parent[s]!;
        if (loopLength[r]! > 0) {
          loops[layer]!++;
          if (loopArea[r]! > 0) {
            islands[layer]!++;
            let island = loopArea[r]!;
            let islandLength = loopLength[r]!;
            if (island > largestArea) {
              [island, largestArea] = [largestArea, island];
              [islandLength, largestLength] = [largestLength, islandLength];
            }
            if (island > 0 && island - skin.bandMm * islandLength < smallBelowMm2) {
              smallIslandArea[layer]! += island;
              smallIslandLength[layer]! += islandLength;
            }
          } else {
            holeArea += loopArea[r]!;
            holeLength += loopLength[r]!;
          }
          if (loopLength[r]! < smallLoopLengthMm) smallLoop[layer]! += loopLength[r]!;
          smallPath[layer]! += smallPerimeterPath(loopLength[r]!, loopArea[r]!, loopSpacing);
          loopLength[r] = 0;
          loopArea[r] = 0;
        }
      }
      const largestRegion = largestArea + holeArea;
      if (largestArea > 0 && largestRegion - skin.bandMm * (largestLength + holeLength) < smallBelowMm2) {
        smallIslandArea[layer]! += Math.max(0, largestRegion);
        smallIslandLength[layer]! += largestLength + holeLength;
      }
      if (!sameCuts)
        for (let s = start; s < end; s++) {
          segmentAt[segEdges[s * 2]!] = -1;
          segmentAt[segEdges[s * 2 + 1]!] = -1;
        }
    }
  }
  // Layers not sliced take the contours of the sliced one below.
  const perLayer = [
    area,
    perimeter,
    corners,
    smallLoop,
    smallPath,
    islands,
    loops,
    smallIslandArea,
    smallIslandLength,
  ];
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
  return {
    layerHeightMm: h,
    areaMm2: rounded(area.map(Math.abs)),
    perimeterMm: rounded(perimeter),
    smallLoopMm: rounded(smallLoop),
    smallPerimeterPathMm: rounded(smallPath),
    smallIslandMm2: rounded(smallIslandArea),
    smallIslandPerimeterMm: rounded(smallIslandLength),
    islandCount: Array.from(islands),
    loopCount: Array.from(loops),
    cornerCount: Array.from(corners, Math.round),
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

const rounded = (values: Float64Array): number[] => Array.from(values, (v) => Math.round(v * 100) / 100);
