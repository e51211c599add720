/**
 * Layers not sliced (all but every `step`-th) take the values of the sliced one below: each per-layer
 * array in `perLayer`, and the four numbers of each layer in `boxes`.
 */
export function copyUnslicedLayers(step: number, perLayer: Float64Array[], boxes: Float64Array): void {
  const layerCount = perLayer[0]?.length ?? 0;
  for (let layer = 0; layer < layerCount; layer++) {
    const from = layer - (layer % step);
    if (from === layer) continue;
    for (const values of perLayer) values[layer] = values[from]!;
    for (let k = 0; k < 4; k++) boxes[layer * 4 + k] = boxes[from * 4 + k]!;
  }
}
