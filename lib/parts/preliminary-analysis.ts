import { analysisContractVersion, type AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";
import { storedAnalysisSchema } from "./stored-analysis-schema";

/**
 * The report measured before features and rules (docs/decisions/0049), while the part's analysis still
 * runs: the first price is shown from it, marked preliminary. Null once the part is analysed or failed,
 * and for a report of another engine version. Never used for a saved quote or an order.
 */
export function readPreliminaryAnalysis(
  part: Pick<Part, "status" | "preliminaryAnalysis">,
): AnalysisReport | null {
  if (part.status !== "ANALYZING" && part.status !== "UPLOADED") return null;
  return parsePreliminary(part.preliminaryAnalysis);
}

/** The stored early report, whatever the part's state (the page compares it with the final price). */
export function parsePreliminary(stored: Part["preliminaryAnalysis"]): AnalysisReport | null {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return null;
  if (stored.version !== analysisContractVersion) return null;
  const parsed = storedAnalysisSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
