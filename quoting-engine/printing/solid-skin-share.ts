/**
 * How much solid infill a skin surface makes per unit of its plate-projected area, in its own layer and
 * in each layer it is propagated to (the next `top_solid_layers − 1` below a surface facing up,
 * `bottom_solid_layers − 1` above one facing down), the way PrusaSlicer 2.5 builds it:
 *
 * - A sloped surface shows in each layer as a strip along the contour, `runMm` wide (the horizontal
 *   run of the slope over one layer, h / tan θ). Top and bottom surfaces are detected on the slices
 *   (`PrintObject::detect_surfaces_type`) but filled inside the perimeters, so only the part of the
 *   strip beyond the perimeters' band (`perimeterBandMm`: 3 loops × 0.407 mm) is a skin: a wall
 *   steeper than atan(h / band), about 9° from horizontal at 0.2 mm, has no skin at all, only
 *   perimeters.
 * - What is left is grown by `marginMm` into the layer's infill area (`LayerRegion::
 *   process_external_surfaces`, `EXTERNAL_INFILL_MARGIN` = 3 mm: "stTop is grown by 3 mm and clipped
 *   by the total infill area"), and that grown skin is what `discover_horizontal_shells` propagates
 *   to the neighbouring layers (wide enough after the growth not to be grown again there).
 * - A flat surface (a run without end) is solid over its area in each of those layers.
 *
 * `ensure_vertical_shell_thickness` is off in PrusaSlicer 2.5's built-in defaults: walls get no solid
 * infill of their own. The estimate caps a layer's solid infill at its infill area.
 */
export function solidSkinShare(runMm: number, perimeterBandMm: number, marginMm: number): number {
  if (!(runMm > perimeterBandMm)) return 0;
  if (!Number.isFinite(runMm)) return 1;
  return (runMm - perimeterBandMm + marginMm) / runMm;
}
