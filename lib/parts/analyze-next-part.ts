import type { AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { currentWorkerKey } from "../jobs/worker-liveness";
import type { FileStorage } from "../storage/file-storage";
import { analysisTimeoutMs } from "./analysis-time-budget";
import { waitingPartsInOrder } from "./analysis-queue-order";
import {
  analysisBudgetFromEnv,
  runClaimedAnalysis,
  type AnalysisAttempt,
  type AnalysisBudget,
} from "./analyze-stored-part";
import { claimPartAnalysis } from "./claim-part-analysis";

/** How many of the first waiting files one claim tries (the others being taken by other workers). */
const candidatesPerClaim = 16;
/** A file that could not be claimed (its buyer has as many in analysis as allowed) is tried again then. */
const retryWaitingMs = 3_000;

/**
 * What one `parts.analyze` job does (docs/decisions/0049): it analyses the file first in line, which is
 * not necessarily the job's own. Every waiting part has a job, and each job analyses one part, so all are
 * analysed, in the order of lib/parts/analysis-queue-order.ts (fair per buyer, shortest first with
 * ageing) instead of the order they came. When files wait but none can be taken (their buyers at their
 * limit, or taken by another worker this instant), the job comes back a little later. Returns the part
 * it analysed, if any.
 */
export async function analyzeNextPart(
  deps: { db: Database; storage: FileStorage; pool: AnalysisPool; budget?: AnalysisBudget },
  jobPartId: string,
  attempt: AnalysisAttempt = { retryCount: 0, retryLimit: 0 },
): Promise<string | null> {
  const { db } = deps;
  const env = getEnv();
  const candidates = await waitingPartsInOrder(db, {
    halfLifeSeconds: env.ANALYSIS_AGEING_HALF_LIFE_SECONDS,
    limit: candidatesPerClaim,
  });
  for (const candidate of candidates) {
    const timeoutMs = analysisTimeoutMs(candidate.sizeBytes);
    const claim = await claimPartAnalysis(db, candidate.id, {
      workerKey: currentWorkerKey() ?? null,
      timeoutMs,
      maxPerOwner: env.ANALYSIS_MAX_CONCURRENT_PER_OWNER,
      waitingOnly: true,
    });
    if (claim !== "claimed") continue;
    // The job's retries count for its own part; another part it took goes back to waiting on an error.
    const own = candidate.id === jobPartId ? attempt : { retryCount: 0, retryLimit: 1 };
    await runClaimedAnalysis(
      { ...deps, budget: deps.budget ?? analysisBudgetFromEnv() },
      candidate.id,
      timeoutMs,
      own,
    );
    return candidate.id;
  }
  // Files still wait (their buyers at their limit, or taken this instant): this job comes back for one,
  // so there are never fewer jobs than waiting files.
  if (candidates.length > 0)
    await enqueueJobs(db, [
      followUpJob(
        "parts.analyze",
        { partId: jobPartId },
        { startAfter: new Date(Date.now() + retryWaitingMs) },
      ),
    ]);
  return null;
}
