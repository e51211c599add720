import { measureSegment } from "./measure-segment";
import { loadTriangle, sliceLoadedTriangle } from "./slice-triangle";

/**
 * Slices the triangles one by one, each at every `step`-th layer from its first to its last, into
 * per-layer buckets (counting sort: `layerCounts[layer + 1]` segments in layer `layer`): per segment,
 * the mesh edges it ends on and its length and signed area (`measureSegment`, which also takes each
 * layer's box and the first layer's points). Reads the mesh in order: for meshes of short triangles.
 */
export function sliceIntoLayerBuckets(
  mesh: {
    positions: ArrayLike<number>;
    indices: ArrayLike<number>;
    edgeIds: Int32Array;
    flatNormals: Float64Array;
  },
  layers: {
    firstLayer: Int32Array;
    lastLayer: Int32Array;
    layerCounts: Uint32Array;
    step: number;
    zMin: number;
    h: number;
  },
  centre: { cx: number; cy: number },
  boxes: Float64Array,
  firstLayerPoints: number[],
): { bucketAt: Int32Array; edges: Int32Array; measures: Float64Array } {
  const { firstLayer, lastLayer, layerCounts, step, zMin, h } = layers;
  const layerCount = layerCounts.length - 1;
  const bucketAt = new Int32Array(layerCount + 1);
  for (let layer = 0; layer < layerCount; layer++)
    bucketAt[layer + 1] = bucketAt[layer]! + layerCounts[layer + 1]!;
  const edges = new Int32Array(bucketAt[layerCount]! * 2);
  const measures = new Float64Array(bucketAt[layerCount]! * 2);
  const fill = bucketAt.slice(0, layerCount);
  const corner = new Float64Array(9);
  const point = new Float64Array(6);
  const pointEdge = new Int32Array(2);
  const cut = new Float64Array(12);
  const { flatNormals } = mesh;
  for (let t = 0; t < firstLayer.length; t++) {
    if (firstLayer[t]! > lastLayer[t]!) continue;
    loadTriangle(mesh.positions, mesh.indices, t, corner);
    for (let layer = firstLayer[t]!; layer <= lastLayer[t]!; layer += step) {
      const z = zMin + (layer + 0.5) * h;
      if (!sliceLoadedTriangle(corner, mesh.edgeIds, t, z, point, pointEdge, cut, 0)) continue;
      const s = fill[layer]!++;
      edges[s * 2] = pointEdge[0]!;
      edges[s * 2 + 1] = pointEdge[1]!;
      const nx = flatNormals[t * 2]!;
      const ny = flatNormals[t * 2 + 1]!;
      measureSegment(point, nx, ny, centre.cx, centre.cy, measures, s, boxes, layer, firstLayerPoints);
    }
  }
  return { bucketAt, edges, measures };
}
