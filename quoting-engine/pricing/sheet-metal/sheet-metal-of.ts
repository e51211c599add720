import type { AnalysisReport } from "../../analysis/analyze-file";
import type { SheetMetalResult } from "../../analysis/sheet-metal/sheet-metal-types";
import { sheetSetOf } from "../../analysis/describe-separate-parts";

/**
 * The report's sheet-metal block (quoting-engine/analysis/sheet-metal), or a "not sheet metal" result
 * for reports without one (meshes, and reports stored before recognition existed).
 */
export function sheetMetalOf(report: AnalysisReport & { sheetMetal?: SheetMetalResult }): SheetMetalResult {
  return (
    report.sheetMetal ?? {
      ok: false,
      reason:
        "Sheet metal is recognised in STEP, IGES and BREP files and in DXF drawings of flat parts; this file was not checked.",
    }
  );
}

/**
 * The sheet parts pricing cuts: each separate part's own blank when the file holds several sheet parts
 * of one thickness (decision 0110), else the file's one result.
 */
export function sheetPartsOf(report: AnalysisReport): SheetMetalResult[] {
  return (report.separateParts && sheetSetOf(report.separateParts)) ?? [sheetMetalOf(report)];
}
