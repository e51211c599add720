import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { Part } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { getJobQueue } from "../jobs/get-job-queue";
import type { JobQueue } from "../jobs/job-queue";
import { readStoredAnalysis } from "./read-stored-analysis";
import { requestReanalysis } from "./request-reanalysis";

/**
 * The part's analysis report when it is of the engine's current version; null while there is none. An
 * outdated report is not used: the part is sent back to the analysis job (once) and reads as being
 * analysed until the new report is stored.
 */
export async function currentAnalysis(
  db: Database,
  part: Pick<Part, "id" | "status" | "analysis" | "analysisVersion" | "analysisRevision" | "companyId">,
  queue: () => Promise<Pick<JobQueue, "send">> = getJobQueue,
): Promise<AnalysisReport | null> {
  const stored = readStoredAnalysis(part);
  if (stored.kind === "current") return stored.report;
  if (stored.kind === "outdated") await requestReanalysis({ db, queue }, part);
  return null;
}
