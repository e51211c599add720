import { addTriangleHits, type ColumnHits } from "./column-hits";
import { solidSkinShare } from "./solid-skin-share";

/** What the first pass is given about the layers, and where the support's columns and their overhang test lie. */
export interface FirstPassLayers {
  layerCount: number;
  step: number;
  zMin: number;
  h: number;
  /** A face is an overhang when its normal's z is at most this (−cos of the support angle) and it reaches above `zMin + h`. */
  overhangLimit: number;
}

/**
 * The first pass over the triangles, reading each one's corners once: its plate normal and the
 * horizontal run of its slope over one layer (h n_z / |n_xy|, signed like n_z; ±Infinity flat), its
 * first sliced and last layer, its first segment slot when `segmentBase` is given (one more at the end),
 * its skins, and the support columns' hits and overhang test (`ColumnHits`). One function
 * with the arithmetic inline: numbers passed one by one to a call that is not inlined are boxed on the
 * heap, a million times per mesh. Returns the number of segment slots.
 */
export function sliceRangesAndSkins(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  layers: FirstPassLayers,
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
  hits: ColumnHits,
): number {
  const { layerCount, step, zMin, h, overhangLimit } = layers;
  const { firstLayer, lastLayer, segmentBase, flatNormals, runs } = ranges;
  const { up, down, solidSkin, skin } = skins;
  // The pass takes numbers and arrays, not these literals made per part (decision 0105).
  return firstPass(
    positions,
    indices,
    layerCount,
    step,
    zMin,
    h,
    overhangLimit,
    firstLayer,
    lastLayer,
    segmentBase,
    flatNormals,
    runs,
    up,
    down,
    solidSkin,
    skin.solidLayers,
    skin.bandMm,
    skin.marginMm,
    hits,
  );
}

/** `sliceRangesAndSkins`' pass, its arguments one by one. */
function firstPass(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  layerCount: number,
  step: number,
  zMin: number,
  h: number,
  overhangLimit: number,
  firstLayer: Int32Array,
  lastLayer: Int32Array,
  segmentBase: Int32Array,
  flatNormals: Float64Array,
  runs: Float64Array,
  up: Float64Array,
  down: Float64Array,
  solidSkin: Float64Array,
  solidLayers: number,
  bandMm: number,
  marginMm: number,
  hits: ColumnHits,
): number {
  const triangleCount = firstLayer.length;
  const stepShift = step === 1 ? 0 : step === 2 ? 1 : -1;
  const zAbove = zMin + h;
  let overhang = false;
  let segmentCount = 0;
  for (let t = 0; t < triangleCount; t++) {
    const a = indices[t * 3]! * 3;
    const b = indices[t * 3 + 1]! * 3;
    const c = indices[t * 3 + 2]! * 3;
    const ax = positions[a]!;
    const ay = positions[a + 1]!;
    const z0 = positions[a + 2]!;
    const z1 = positions[b + 2]!;
    const z2 = positions[c + 2]!;
    const ux = positions[b]! - ax;
    const uy = positions[b + 1]! - ay;
    const uz = z1 - z0;
    const vx = positions[c]! - ax;
    const vy = positions[c + 1]! - ay;
    const vz = z2 - z0;
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    const length = Math.sqrt(nx * nx + ny * ny);
    if (length > 0) {
      flatNormals[t * 2] = nx / length;
      flatNormals[t * 2 + 1] = ny / length;
      runs[t] = (h * nz) / length;
    } else runs[t] = nz >= 0 ? Infinity : -Infinity;
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
    // Skins: the area projected on the plate (half n_z, positive facing up) spread over the layers the
    // triangle's height spans (in proportion, a flat triangle all in one): facing up it is top skin,
    // facing down bottom skin, in those layers. The solid infill it makes goes to `solidSkin`, in each
    // of those layers and the solid layers below (facing up) or above (facing down) it, by its slope
    // (`solid-skin-share.ts`).
    const projected = nz / 2;
    if (projected !== 0 && layerCount > 0) {
      const target = projected > 0 ? up : down;
      const magnitude = Math.abs(projected);
      const share = solidSkinShare(Math.abs(runs[t]!), bandMm, marginMm);
      const towards = projected > 0 ? -1 : 1;
      // A top face at z belongs to the layer just below it, a bottom face to the layer just above.
      const bias = projected > 0 ? -1e-6 : 1e-6;
      const firstSkin = Math.min(layerCount - 1, Math.max(0, Math.floor(loInLayers + bias)));
      const lastSkin = Math.min(layerCount - 1, Math.max(0, Math.floor(hiInLayers + bias)));
      if (firstSkin === lastSkin || hi - lo < 1e-9) {
        target[firstSkin]! += magnitude;
        if (share > 0) addSolidSkin(solidSkin, firstSkin, magnitude * share, towards, solidLayers);
      } else
        for (let layer = firstSkin; layer <= lastSkin; layer++) {
          const bottom = Math.max(lo, zMin + layer * h);
          const top = Math.min(hi, zMin + (layer + 1) * h);
          if (top > bottom) {
            target[layer]! += (magnitude * (top - bottom)) / (hi - lo);
            if (share > 0)
              addSolidSkin(
                solidSkin,
                layer,
                (magnitude * share * (top - bottom)) / (hi - lo),
                towards,
                solidLayers,
              );
          }
        }
    }
    // Support: an overhang above the first layer, and the column centres the plate projection covers,
    // from the first overhang on (the triangles before it caught up then): a part without one has none.
    if (!overhang && hi > zAbove && nz < 0 && nz <= overhangLimit * Math.sqrt(nx * nx + ny * ny + nz * nz)) {
      overhang = true;
      for (let before = 0; before < t; before++) addTriangleHits(hits, positions, indices, before);
    }
    if (overhang) addTriangleHits(hits, positions, indices, t);
  }
  hits.overhang = overhang;
  return segmentCount;
}

/** Adds a skin's solid infill to its layer and the `solidLayers − 1` next to it in the direction `towards`. */
function addSolidSkin(
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
