import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";

/** What the API says about a part: its state, and once analysed, the report the viewer and price use. */
export function toPartSummary(part: Part) {
  const report = part.analysis as unknown as AnalysisReport | null;
  return {
    id: part.id,
    fileName: part.originalFileName,
    format: part.format,
    sizeBytes: Number(part.sizeBytes),
    status: part.status,
    createdAt: part.createdAt.toISOString(),
    ...(part.status === "FAILED"
      ? { failure: { code: part.failureCode, message: part.failureMessage } }
      : {}),
    ...(report ? { analysis: report } : {}),
    ...(part.displayMeshKey ? { displayMeshUrl: `/api/v1/parts/${part.id}/display-mesh` } : {}),
  };
}
