import { solidSkinShare } from "./solid-skin-share";

/**
 * Spreads the triangle's plate-projected area over the layers its height spans (in proportion, a flat
 * triangle all in one): facing up it is top skin, facing down bottom skin, in those layers. The solid
 * infill it makes goes to `solid`: in each of those layers and the solid layers below (facing up) or
 * above (facing down) it, by its slope (`solid-skin-share.ts`).
 */
export function skinArea(
  /** The triangle's area projected on the plate, positive facing up. */
  projected: number,
  /** The triangle's lowest and highest z, and both as (z − zMin) / h. */
  span: { lo: number; hi: number; loInLayers: number; hiInLayers: number },
  zMin: number,
  h: number,
  layerCount: number,
  up: Float64Array,
  down: Float64Array,
  solid: Float64Array,
  skin: { solidLayers: number; bandMm: number; marginMm: number },
  /** Horizontal run of the triangle's slope over one layer (h |n_z| / |n_xy|). */
  run: number,
): void {
  if (projected === 0 || layerCount === 0) return;
  const { lo, hi } = span;
  const target = projected > 0 ? up : down;
  const magnitude = Math.abs(projected);
  const share = solidSkinShare(run, skin.bandMm, skin.marginMm);
  const towards = projected > 0 ? -1 : 1;
  // A top face at z belongs to the layer just below it, a bottom face to the layer just above.
  const bias = projected > 0 ? -1e-6 : 1e-6;
  const first = clampLayer(Math.floor(span.loInLayers + bias), layerCount);
  const last = clampLayer(Math.floor(span.hiInLayers + bias), layerCount);
  if (first === last || hi - lo < 1e-9) {
    target[first]! += magnitude;
    if (share > 0) addSolid(solid, first, magnitude * share, towards, skin.solidLayers);
    return;
  }
  for (let layer = first; layer <= last; layer++) {
    const bottom = Math.max(lo, zMin + layer * h);
    const top = Math.min(hi, zMin + (layer + 1) * h);
    if (top > bottom) {
      target[layer]! += (magnitude * (top - bottom)) / (hi - lo);
      if (share > 0)
        addSolid(solid, layer, (magnitude * share * (top - bottom)) / (hi - lo), towards, skin.solidLayers);
    }
  }
}

const clampLayer = (layer: number, count: number): number => Math.min(count - 1, Math.max(0, layer));

/** Adds a skin's solid infill to its layer and the `solidLayers − 1` next to it in the direction `towards`. */
function addSolid(
  solid: Float64Array,
  layer: number,
  area: number,
  towards: number,
  solidLayers: number,
): void {
  for (let d = 0; d < solidLayers; d++) {
    const neighbour = layer + towards * d;
    if (neighbour < 0 || neighbour >= solid.length) return;
    solid[neighbour]! += area;
  }
}
