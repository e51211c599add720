import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";
import { readPreliminaryAnalysis } from "./preliminary-analysis";

/**
 * What the API says about a part: its state, and once analysed, the report the viewer and price use
 * (`report`: the part's current analysis, lib/parts/current-analysis.ts). An analysed part without a
 * current report is being analysed again, and says so.
 */
export function toPartSummary(
  part: Part,
  report: AnalysisReport | null,
  /** While it waits: files the workers take first (lib/parts/analysis-queue-order.ts). */
  waiting?: { filesAhead: number | null },
) {
  const running = part.status === "ANALYZING" || (part.status === "ANALYZED" && !report);
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
    // Where the file stands (docs/decisions/0049): its place in line, the engine's step, and whether a
    // preliminary price (from the measurement, before features) can be asked for already.
    ...(waiting && waiting.filesAhead !== null ? { filesAhead: waiting.filesAhead } : {}),
    ...(running && part.analysisStage ? { analysisStage: part.analysisStage } : {}),
    ...(!report && readPreliminaryAnalysis(part) ? { preliminary: true } : {}),
    ...(report ? { analysis: report } : {}),
    ...(part.displayMeshKey ? { displayMeshUrl: `/api/v1/parts/${part.id}/display-mesh` } : {}),
  };
}
