/**
 * Marks the layers whose plane cuts other edges than the layer below's: a vertex lies between the two
 * planes (it changes sides by the slicing's own test, `z <= plane`), or a triangle's first sliced layer
 * or the one after its last (from the bucketing's own arithmetic, which may differ by a rounding).
 */
export function layersWhereCutsChange(
  positions: ArrayLike<number>,
  vertexCount: number,
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  zMin: number,
  h: number,
  layerCount: number,
): Uint8Array {
  const marks = new Uint8Array(layerCount + 1);
  const plane = (layer: number) => zMin + (layer + 0.5) * h;
  for (let v = 0; v < vertexCount; v++) {
    const z = positions[v * 3 + 2]!;
    let layer = Math.min(layerCount, Math.max(0, Math.ceil((z - zMin) / h - 0.5)));
    while (layer > 0 && z <= plane(layer - 1)) layer--;
    while (layer < layerCount && z > plane(layer)) layer++;
    marks[layer] = 1;
  }
  for (let t = 0; t < firstLayer.length; t++) {
    if (firstLayer[t]! > lastLayer[t]!) continue;
    marks[firstLayer[t]!] = 1;
    marks[lastLayer[t]! + 1] = 1;
  }
  return marks;
}
