/** PrusaSlicer's SMALL_PERIMETER_LENGTH: loops shorter than a 6.5 mm radius circle print slowly. */
export const smallLoopLengthMm = 2 * Math.PI * 6.5;
/** Perimeter loops per contour (PrusaSlicer 2.5's default `perimeters` = 3; `perimeterBandMm` is 3 spacings). */
export const perimeterLoops = 3;

/**
 * Path of a contour's perimeter loops that PrusaSlicer prints at the small-perimeter speed: it decides
 * per loop (`GCode::extrude_loop`: a perimeter loop no longer than SMALL_PERIMETER_LENGTH), and the
 * inner loops of an island are shorter than its contour (a thin wall's 45 mm outline has inner loops
 * under 40.8 mm), a hole's longer. Loop k runs (k + ½) spacings inside the material; by Steiner's
 * formula an island's offset by d is 2πd shorter (a hole's 2πd longer) and encloses
 * A − L d + π d²: a loop is there while the band it needs, (k + 1) spacings, still leaves material.
 */
export function smallPerimeterPath(lengthMm: number, signedAreaMm2: number, spacingMm: number): number {
  const island = signedAreaMm2 > 0;
  let path = 0;
  for (let k = 0; k < perimeterLoops; k++) {
    const inset = (k + 0.5) * spacingMm;
    const band = (k + 1) * spacingMm;
    const left = signedAreaMm2 - lengthMm * band + Math.PI * band * band;
    if (island && left <= 0) break;
    const loop = island ? lengthMm - 2 * Math.PI * inset : lengthMm + 2 * Math.PI * inset;
    // Width the island has left inside the band (2 × area over the band's inner outline): under one
    // spacing the loop only fits where the wall is a little wider than its mean and breaks into short
    // pieces, each a loop of its own.
    const fragmented = island && (2 * left) / Math.max(1e-9, lengthMm - 2 * Math.PI * band) < spacingMm;
    if (loop > 0 && (fragmented || loop < smallLoopLengthMm)) path += loop;
  }
  return path;
}
