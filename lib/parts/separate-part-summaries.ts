import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { flatPatternOfSheet } from "./flat-pattern-summary";

/**
 * What the part page shows of each part of a file of several when sheet parts are among them (decision
 * 0116): its size, the process that makes it (laser cut, cut and bent, or milled) and its own flat
 * pattern; null for one part, for a file with no sheet part, and for analyses stored before 0116.
 */
export function separatePartSummaries(report: AnalysisReport) {
  const parts = report.separateParts;
  if (!parts || parts.length < 2 || !parts.some((part) => part.process)) return null;
  return parts.map((part, index) => {
    const box = report.bodies[part.body]!.bbox;
    return {
      /** Index into `separateParts`, as findings name their part. */
      index,
      sizeMm: box.max.map((value, axis) => value - box.min[axis]!) as [number, number, number],
      process: part.process ?? null,
      bends: part.sheetMetal?.bends.length ?? 0,
      flatPattern: part.sheetMetal ? flatPatternOfSheet(part.sheetMetal) : null,
    };
  });
}

export type SeparatePartSummary = NonNullable<ReturnType<typeof separatePartSummaries>>[number];
