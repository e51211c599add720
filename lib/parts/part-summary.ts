import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";

/**
 * What the API says about a part: its state, and once analysed, the report the viewer and price use
 * (`report`: the part's current analysis, lib/parts/current-analysis.ts). An analysed part without a
 * current report is being analysed again, and says so.
 */
export function toPartSummary(part: Part, report: AnalysisReport | null) {
  return {
    id: part.id,
    fileName: part.originalFileName,
    format: part.format,
    sizeBytes: Number(part.sizeBytes),
    status: part.status === "ANALYZED" && !report ? ("ANALYZING" as const) : part.status,
    createdAt: part.createdAt.toISOString(),
    // When the running analysis ends at the latest (its time budget): pages say when it is overdue.
    ...(part.status === "ANALYZING" && part.analysisDeadlineAt
      ? { analysisDeadlineAt: part.analysisDeadlineAt.toISOString() }
      : {}),
    ...(part.status === "FAILED"
      ? { failure: { code: part.failureCode, message: part.failureMessage } }
      : {}),
    ...(report ? { analysis: report } : {}),
    ...(part.displayMeshKey ? { displayMeshUrl: `/api/v1/parts/${part.id}/display-mesh` } : {}),
  };
}
