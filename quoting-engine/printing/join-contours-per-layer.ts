import { crossingTriangles, trianglesByFirstLayer } from "./crossing-triangles";
import { join, root } from "./join-segments";
import type { ContourTargets, SlicedLayers } from "./join-closed-mesh-contours";
import { layersWhereCutsChange } from "./layers-where-cuts-change";
import { measureSegment } from "./measure-segment";
import { sharpEdges } from "./sharp-edges";
import { sliceIntoLayerBuckets } from "./slice-into-layer-buckets";
import { loadTriangle, pointsOnCuts, sliceLoadedTriangle } from "./slice-triangle";
import { smallLoopLengthMm, smallPerimeterPath } from "./small-perimeter-path";

/**
 * Slices the mesh at every `step`-th layer and joins each layer's contours by a union–find over the
 * layer's segments (two segments on one mesh edge are one contour), for meshes without edge mates or
 * of long triangles. Meshes of short triangles (a layer or two each) are sliced triangle by triangle
 * into per-layer buckets (`sliceIntoLayerBuckets`), reading the mesh in order; meshes of long CAD
 * triangles (`sweep`) are swept bottom up with the triangles that cross each layer, in triangle order
 * (`crossingTriangles`), so each layer's segments are made, joined and summed while they are in cache,
 * in the order a per-layer bucket held them; a layer whose plane cuts the same edges as the sliced
 * layer below keeps that layer's joins (`layersWhereCutsChange`). Sums as `joinClosedMeshContours`.
 */
export function joinContoursPerLayer(
  mesh: {
    positions: ArrayLike<number>;
    indices: ArrayLike<number>;
    vertexCount: number;
    edges: { ids: Int32Array; count: number; triangles: Int32Array };
    flatNormals: Float64Array;
    cornerCos: number;
  },
  layers: SlicedLayers & { sweep: boolean },
  targets: ContourTargets,
): void {
  const { centre, loopRules, sums, boxes, firstLayerPoints } = targets;
  const { positions, indices, vertexCount, edges, flatNormals, cornerCos } = mesh;
  const { firstLayer, lastLayer, step, zMin, h, sweep } = layers;
  const { cx, cy } = centre;
  const { bandMm, smallBelowMm2, loopSpacingMm: loopSpacing } = loopRules;
  const {
    area,
    perimeter,
    corners,
    smallLoop,
    smallPath,
    islands,
    loops,
    smallIslandArea,
    smallIslandLength,
  } = sums;
  const triangleCount = firstLayer.length;
  const layerCount = area.length;
  const sharpEdge = sharpEdges(flatNormals, edges, cornerCos);
  // Segments bucketed by layer (counting sort) so each layer's contours are joined together.
  const segmentLayerCounts = new Uint32Array(layerCount + 1);
  for (let t = 0; t < triangleCount; t++)
    for (let layer = firstLayer[t]!; layer <= lastLayer[t]!; layer += step) segmentLayerCounts[layer + 1]!++;
  let layerSegmentsMax = 0;
  for (let layer = 0; layer < layerCount; layer++)
    if (segmentLayerCounts[layer + 1]! > layerSegmentsMax) layerSegmentsMax = segmentLayerCounts[layer + 1]!;
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
          if (island > 0 && island - bandMm * islandLength < smallBelowMm2) {
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
    if (largestArea > 0 && largestRegion - bandMm * (largestLength + holeLength) < smallBelowMm2) {
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
