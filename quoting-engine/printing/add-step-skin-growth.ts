import { fdmScratch } from "./fdm-scratch";

/**
 * Solid infill along the inner edge of flat skins: PrusaSlicer grows every top and bottom surface by 3 mm
 * into the layer's infill area (`LayerRegion::process_external_surfaces`, `EXTERNAL_INFILL_MARGIN`)
 * before it propagates them to the solid layers under (over) it. Where a flat skin meets a wall that
 * rises from it (a step's inner corner, the floor around a boss) or, under a bottom skin, a wall that
 * falls from it, that growth lies inside the part: 3 mm × the edge's length more solid infill in the
 * skin's layer and the `solidLayers − 1` next to it. (Sloped skins grow the same way; their share is in
 * `solid-skin-share.ts`. Where a skin meets the part's outside, the growth falls in the perimeters and
 * is cut off.) One pass over the mesh's edges.
 */
export function addStepSkinGrowth(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  /** Per triangle, the horizontal run of its slope over one layer, signed like n_z (`measure-fdm-layers.ts`). */
  runs: Float64Array,
  /**
   * The triangle across each half-edge (triangle t's side k is half-edge 3t + k): the mesh's edge mates
   * (the mate half-edge) without `edgeTriangles`, or its edge ids with each edge's one or two triangles
   * (`meshEdgeIds`).
   */
  across: Int32Array,
  edgeTriangles: Int32Array | undefined,
  /** The layers: the plate's height, their height and count. */
  zMin: number,
  h: number,
  count: number,
  /** Solid layers under a top skin (over a bottom one), the perimeters' band and the growth, mm. */
  solidLayers: number,
  bandMm: number,
  marginMm: number,
  solid: Float64Array,
): void {
  // Numbers and typed arrays, not the literals made per part: code that read those was thrown away at
  // its entry now and then between parts (decision 0105).
  const triangleCount = Math.floor(indices.length / 3);
  // Per triangle: 1 flat skin facing up, 2 facing down (a run per layer past the perimeters' band), 0 not.
  const kind = fdmScratch("skinKind", Uint8Array, triangleCount, true);
  for (let t = 0; t < triangleCount; t++) {
    const run = runs[t]!;
    if (Math.abs(run) > bandMm) kind[t] = run > 0 ? 1 : 2;
  }
  for (let t = 0; t < triangleCount; t++) {
    if (kind[t] === 0) continue;
    for (let k = 0; k < 3; k++) {
      const wall = triangleAcross(across, edgeTriangles, t * 3 + k);
      if (wall < 0 || kind[wall] !== 0) continue;
      const p = indices[t * 3 + k]!;
      const q = indices[t * 3 + ((k + 1) % 3)]!;
      // The wall's vertex off the edge: above it means the wall rises from the skin (and vice versa).
      let apex = -1;
      for (let j = 0; j < 3; j++) {
        const v = indices[wall * 3 + j]!;
        if (v !== p && v !== q) apex = v;
      }
      if (apex < 0) continue;
      const edgeZ = (positions[p * 3 + 2]! + positions[q * 3 + 2]!) / 2;
      const rises = positions[apex * 3 + 2]! > edgeZ;
      if (rises !== (kind[t] === 1)) continue;
      const dx = positions[q * 3]! - positions[p * 3]!;
      const dy = positions[q * 3 + 1]! - positions[p * 3 + 1]!;
      const area = Math.sqrt(dx * dx + dy * dy) * marginMm;
      const up = kind[t] === 1;
      const layer = Math.min(count - 1, Math.max(0, Math.floor((edgeZ - zMin) / h + (up ? -1e-6 : 1e-6))));
      for (let d = 0; d < solidLayers; d++) {
        const neighbour = layer + (up ? -d : d);
        if (neighbour < 0 || neighbour >= count) break;
        solid[neighbour]! += area;
      }
    }
  }
}

/** The triangle across a half-edge, −1 where none. Not a closure: one made per call is a new call target each time. */
function triangleAcross(across: Int32Array, edgeTriangles: Int32Array | undefined, halfEdge: number): number {
  if (edgeTriangles === undefined) return (across[halfEdge]! / 3) | 0;
  const e = across[halfEdge]!;
  const t1 = edgeTriangles[e * 2]!;
  return t1 === ((halfEdge / 3) | 0) ? edgeTriangles[e * 2 + 1]! : t1;
}
