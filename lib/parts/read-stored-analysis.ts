import { analysisContractVersion, type AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { analysisResultsRevision } from "../../quoting-engine/analysis/analysis-results-revision";
import type { Part } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { storedAnalysisSchema } from "./stored-analysis-schema";

export type StoredAnalysis =
  | { kind: "current"; report: AnalysisReport }
  /** Written by an older engine (contract or results revision): to be analysed again (lib/parts/request-reanalysis.ts). */
  | { kind: "outdated" }
  /** Not analysed (yet), or the analysis failed. */
  | { kind: "none" };

/**
 * The analysis stored on a part, read through the analyze contract's schema. A report of another
 * contract version (the `analysisVersion` column, or for rows written before it the report's own
 * `version`), or of an older revision of the engine's results (`analysisRevision`), is outdated; a report that claims the current version and does not match the contract is a
 * fault, not something to re-analyse over and over, and fails loudly.
 */
export function readStoredAnalysis(
  part: Pick<Part, "id" | "status" | "analysis" | "analysisVersion" | "analysisRevision">,
): StoredAnalysis {
  if (part.status !== "ANALYZED" || part.analysis === null) return { kind: "none" };
  if (part.analysisVersion !== null && part.analysisVersion !== analysisContractVersion)
    return { kind: "outdated" };
  // An older revision of the engine's results (decision 0092); none recorded reads as current.
  if (part.analysisRevision !== null && part.analysisRevision < analysisResultsRevision)
    return { kind: "outdated" };
  const version =
    typeof part.analysis === "object" && !Array.isArray(part.analysis) ? part.analysis.version : undefined;
  if (version !== analysisContractVersion) return { kind: "outdated" };
  const parsed = storedAnalysisSchema.safeParse(part.analysis);
  if (!parsed.success)
    throw new AppError(
      "internal_error",
      `The stored analysis of part ${part.id} does not match its version.`,
      {
        issues: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      },
    );
  return { kind: "current", report: parsed.data };
}
