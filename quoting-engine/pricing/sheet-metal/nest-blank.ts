/** How a blank's bounding rectangle nests on one sheet format. */
export interface BlankNesting {
  sheetMm: [number, number];
  /** Blanks per sheet in a grid, the better of the two orientations (0: does not fit). */
  perSheet: number;
  /** The sheet area each blank takes (sheet ÷ blanks per sheet), mm². */
  sheetShareMm2: number;
}

/**
 * Rectangle nesting of one blank on the sheet formats: a grid of the blank's bounding rectangle plus the
 * spacing, inside the trimmed sheet, in both orientations, and on each format the one that leaves the
 * least sheet per blank. A grid of rectangles is what a partner's nesting software beats only for
 * irregular outlines (which the scrap share prices); a library would add nothing for one shape. Returns
 * undefined when the blank fits no format.
 */
export function nestBlank(
  blankMm: [number, number],
  sheetSizesMm: readonly [number, number][],
  spacingMm: number,
  edgeTrimMm: number,
): BlankNesting | undefined {
  let best: BlankNesting | undefined;
  for (const sheet of sheetSizesMm) {
    const usable = [sheet[0] - 2 * edgeTrimMm + spacingMm, sheet[1] - 2 * edgeTrimMm + spacingMm];
    const grid = (width: number, height: number) =>
      Math.floor(usable[0]! / (width + spacingMm)) * Math.floor(usable[1]! / (height + spacingMm));
    const perSheet = Math.max(grid(blankMm[0], blankMm[1]), grid(blankMm[1], blankMm[0]));
    if (perSheet === 0) continue;
    const sheetShareMm2 = (sheet[0] * sheet[1]) / perSheet;
    if (!best || sheetShareMm2 < best.sheetShareMm2) best = { sheetMm: sheet, perSheet, sheetShareMm2 };
  }
  return best;
}
