/**
 * The support's own layer height per object layer. PrusaSlicer 2.5 plans supports that are not
 * synchronised with the object (`support_material_synchronize_layers` off, its default) in their own
 * layers (`PrintObjectSupportMaterial::raft_and_intermediate_support_layers`): the contact layers
 * under overhangs and over the surfaces supports stand on are the "extremes", and the gap between two
 * neighbouring extremes, anywhere on the part, is split evenly into the fewest layers no thicker than
 * `max_layer_height`. A flat overhang over the plate gets 0.28–0.3 mm layers (the U overhang's G-code:
 * 0.48, 0.76, 1.04 … 8.71 mm); under sloped undersides or many overhangs at different heights the
 * extremes are a layer apart and the support is printed in the object's 0.2 mm layers (the X end
 * motor's G-code: support at 0.2, 0.45, 0.7, 0.95, 1.2, 1.5, 1.8, 2.0, 2.2 … mm).
 */
export function supportLayerHeights(boundary: Uint8Array, h: number, maxHeightMm: number): Float64Array {
  const layerCount = boundary.length - 1;
  const heights = new Float64Array(layerCount).fill(h);
  let from = 0;
  for (let b = 1; b <= layerCount; b++) {
    if (!boundary[b]) continue;
    const span = (b - from) * h;
    const layers = Math.max(1, Math.ceil(span / Math.max(h, maxHeightMm) - 1e-9));
    heights.fill(span / layers, from, b);
    from = b;
  }
  return heights;
}
