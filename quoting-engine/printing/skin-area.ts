import { solidSkinShare } from "./solid-skin-share";

/**
 * Spreads the triangle's plate-projected area over the layers its height spans (in proportion, a flat
 * triangle all in one): facing up it is top skin, facing down bottom skin, in those layers. The solid
 * infill it makes goes to `solid`: in each of those layers and the solid layers below (facing up) or
 * above (facing down) it, by its slope (`solid-skin-share.ts`).
 */
export function skinArea(
  /**
   * The triangle (`skinFacts` slots): its area projected on the plate (positive facing up), its lowest
   * and highest z, both as (z − zMin) / h, and the horizontal run of its slope over one layer
   * (h |n_z| / |n_xy|); then the layers' zMin and h. A typed array: numbers passed one by one to a
   * call that is not inlined are boxed on the heap, a million times per mesh.
   */
  triangle: Float64Array,
  layerCount: number,
  up: Float64Array,
  down: Float64Array,
  solid: Float64Array,
  skin: { solidLayers: number; bandMm: number; marginMm: number },
): void {
  const projected = triangle[0]!;
  const lo = triangle[1]!;
  const hi = triangle[2]!;
  const loInLayers = triangle[3]!;
  const hiInLayers = triangle[4]!;
  const run = triangle[5]!;
  const zMin = triangle[6]!;
  const h = triangle[7]!;
  if (projected === 0 || layerCount === 0) return;
  const target = projected > 0 ? up : down;
  const magnitude = Math.abs(projected);
  const share = solidSkinShare(run, skin.bandMm, skin.marginMm);
  const towards = projected > 0 ? -1 : 1;
  // A top face at z belongs to the layer just below it, a bottom face to the layer just above.
  const bias = projected > 0 ? -1e-6 : 1e-6;
  const first = clampLayer(Math.floor(loInLayers + bias), layerCount);
  const last = clampLayer(Math.floor(hiInLayers + bias), layerCount);
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

/** Slots of `skinArea`'s triangle: 8 numbers. */
export const skinFactCount = 8;
