import type { SheetMetalOk } from "./sheet-metal-types";

/**
 * The blank's size, area and cut length for another K-factor than the one it was unfolded with, from the
 * stored result alone (pricing picks the K-factor by material after the analysis). Each bend zone widens
 * by angle × ΔK × t across its bend line, moving what lies beyond it: exact for bends in a row (L, U, Z,
 * hat) and a box's flanges; bends side by side across the same axis (two tabs on one edge) are counted
 * each, so the rectangle may come out up to that much too large.
 */
export function flatSizeForKFactor(
  sheet: SheetMetalOk,
  kFactor: number,
): { widthMm: number; heightMm: number; areaMm2: number; cutLengthMm: number } {
  let { widthMm, heightMm, areaMm2, cutLengthMm } = sheet.flatPattern;
  for (const line of sheet.flatPattern.bendLines) {
    const widening = ((line.angleDeg * Math.PI) / 180) * (kFactor - sheet.kFactor) * sheet.thicknessMm;
    const [dx, dy] = [line.to[0] - line.from[0], line.to[1] - line.from[1]];
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    // The zone widens square to the bend line: along x by the line's y share, along y by its x share.
    widthMm += (widening * Math.abs(dy)) / length;
    heightMm += (widening * Math.abs(dx)) / length;
    areaMm2 += widening * length;
    cutLengthMm += 2 * widening;
  }
  return { widthMm, heightMm, areaMm2, cutLengthMm };
}
