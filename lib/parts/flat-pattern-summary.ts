import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { SheetMetalOk } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";

/** Rounded to 0.01 mm: enough for a drawing, and small enough to send to the browser. */
const round = (value: number) => Math.round(value * 100) / 100;
const roundPoint = ([x, y]: [number, number]): [number, number] => [round(x), round(y)];

/**
 * What the part page draws of a sheet-metal part (app/parts/[partId]/flat-pattern-view.tsx): the
 * unfolded blank with its holes and bend lines, thickness and sizes; null when the part is not sheet metal.
 */
export function flatPatternSummary(report: AnalysisReport) {
  const sheet = report.sheetMetal;
  return sheet?.ok ? flatPatternOfSheet(sheet) : null;
}

/** The drawing's data of one unfolded sheet: the file's, or one part's of a file of several (0116). */
export function flatPatternOfSheet(sheet: SheetMetalOk) {
  const pattern = sheet.flatPattern;
  return {
    thicknessMm: sheet.thicknessMm,
    kFactor: sheet.kFactor,
    widthMm: round(pattern.widthMm),
    heightMm: round(pattern.heightMm),
    cutLengthMm: round(pattern.cutLengthMm),
    pierces: pattern.pierces,
    outer: pattern.outline.outer.map(roundPoint),
    holes: pattern.outline.holes.map((hole) => hole.map(roundPoint)),
    bendLines: pattern.bendLines.map((line) => ({
      from: roundPoint(line.from),
      to: roundPoint(line.to),
      angleDeg: round(line.angleDeg),
      direction: line.direction,
      innerRadiusMm: round(line.innerRadiusMm),
    })),
  };
}

export type FlatPatternSummary = ReturnType<typeof flatPatternOfSheet>;
