/**
 * The sliced triangles sorted by their first sliced layer (a counting sort, triangle order kept):
 * those starting at layer L are `byStart[startsAt[L]]` up to `byStart[startsAt[L + 1]]`. A triangle
 * is sliced when its first sliced layer is not above its last.
 */
export function trianglesByFirstLayer(
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  layerCount: number,
): { startsAt: Int32Array; byStart: Int32Array } {
  const startsAt = new Int32Array(layerCount + 1);
  for (let t = 0; t < firstLayer.length; t++)
    if (firstLayer[t]! <= lastLayer[t]!) startsAt[firstLayer[t]! + 1]!++;
  for (let layer = 0; layer < layerCount; layer++) startsAt[layer + 1]! += startsAt[layer]!;
  const byStart = new Int32Array(startsAt[layerCount]!);
  const fill = startsAt.slice(0, layerCount);
  for (let t = 0; t < firstLayer.length; t++)
    if (firstLayer[t]! <= lastLayer[t]!) byStart[fill[firstLayer[t]!]!++] = t;
  return { startsAt, byStart };
}

/**
 * The triangles crossing `layer`, in triangle order, into `next`: those of the layer below's list
 * (`crossing`, its first `count`) still crossing, merged with those starting here. Returns their count.
 */
export function crossingTriangles(
  crossing: Int32Array,
  count: number,
  next: Int32Array,
  sorted: { startsAt: Int32Array; byStart: Int32Array },
  lastLayer: Int32Array,
  layer: number,
): number {
  const { startsAt, byStart } = sorted;
  let kept = 0;
  let from = startsAt[layer]!;
  const to = startsAt[layer + 1]!;
  for (let k = 0; k < count; k++) {
    const t = crossing[k]!;
    if (lastLayer[t]! < layer) continue;
    while (from < to && byStart[from]! < t) next[kept++] = byStart[from++]!;
    next[kept++] = t;
  }
  while (from < to) next[kept++] = byStart[from++]!;
  return kept;
}
