/** A wall exactly at a limit passes: float32 coordinates put it a hair either side. */
export const toleranceMm = 1e-3;
export const histogramEdgesMm = [0, 0.2, 0.4, 0.6, 0.8, 1, 1.5, 2, 3, 5, 10];

/** A triangle's sort key: its thickness in 0.1 µm steps, then its number, packed in one float64. */
export const thicknessStep = (valueMm: number): number => Math.min(Math.round(valueMm * 1e4), 2 ** 28);

/** How many triangles have a thickness, and the least and greatest of their thickness steps. */
export interface KeyRange {
  measured: number;
  lowest: number;
  highest: number;
}

/**
 * One pass for the totals (`totals`: surface, then measured surface), the histogram's bands, the areas
 * below every limit and the sort's key range; each sum adds its triangles in triangle order. A function
 * of its own, with no closure in it: the summary around it runs once per part, and compiled together its
 * callbacks (never compiled themselves) threw the compiled pass away on every part (decision 0101).
 */
export function sumThicknessBands(
  thicknessMm: Float32Array,
  areas: Float64Array,
  belowLimits: Float64Array,
  below: Float64Array,
  bandAreas: Float64Array,
  keys: KeyRange,
  totals: Float64Array,
): void {
  let totalArea = 0;
  let measuredArea = 0;
  let thickestLimit = -Infinity;
  for (let limit = 0; limit < belowLimits.length; limit++)
    thickestLimit = Math.max(thickestLimit, belowLimits[limit]!);
  const lastBand = bandAreas.length - 1;
  for (let triangle = 0; triangle < thicknessMm.length; triangle++) {
    const area = areas[triangle]!;
    totalArea += area;
    const value = thicknessMm[triangle]!;
    if (Number.isNaN(value)) continue;
    measuredArea += area;
    let band = lastBand;
    while (band > 0 && value + toleranceMm < histogramEdgesMm[band]!) band--;
    bandAreas[band] = bandAreas[band]! + area;
    const step = thicknessStep(value);
    if (step < keys.lowest) keys.lowest = step;
    if (step > keys.highest) keys.highest = step;
    keys.measured++;
    // Walls thicker than every limit add to no sum.
    if (value < thickestLimit)
      for (let limit = 0; limit < belowLimits.length; limit++)
        if (value < belowLimits[limit]!) below[limit] = below[limit]! + area;
  }
  totals[0] = totalArea;
  totals[1] = measuredArea;
}
