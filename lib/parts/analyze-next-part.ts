import type { AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { Database } from "../db/prisma";
import { getEnv } from "../env";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { currentWorkerKey } from "../jobs/worker-liveness";
import type { FileStorage } from "../storage/file-storage";
import type { AnalysisLanes } from "./analysis-lanes";
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
 * What one `parts.analyze` job does (docs/decisions/0049, 0071): it analyses the file first in line,
 * which is not necessarily the job's own, and then the next one in line, and so on while files wait and
 * the next file's time budget still ends within the longest budget (so the job ends before its expiry).
 * Taking the next file at once spares the queue's fetch and its pause after a short job (pg-boss waits
 * out its polling interval after a job shorter than it). Every waiting part has a job and each job
 * analyses at least one part when it can, so all are analysed, in the order of
 * lib/parts/analysis-queue-order.ts (fair per buyer, shortest first with ageing). With two workers or
 * more, a big file is taken only while another worker stays free for small ones (`lanes`). When files
 * wait but none can be taken (their buyers at their limit, the big-file lanes full, or taken by another
 * worker this instant), the job comes back a little later. Returns the parts it analysed.
 */
export async function analyzeNextPart(
  deps: {
    db: Database;
    storage: FileStorage;
    pool: AnalysisPool;
    budget?: AnalysisBudget;
    /** This process's lanes (lib/parts/analysis-lanes.ts); without them any worker takes any file. */
    lanes?: AnalysisLanes;
  },
  jobPartId: string,
  attempt: AnalysisAttempt = { retryCount: 0, retryLimit: 0 },
): Promise<string[]> {
  const { db } = deps;
  const env = getEnv();
  const startedAt = Date.now();
  const longestBudgetMs = env.ANALYSIS_TIMEOUT_MAX_SECONDS * 1000;
  const analysed: string[] = [];
  for (;;) {
    const candidates = await waitingPartsInOrder(db, {
      halfLifeSeconds: env.ANALYSIS_AGEING_HALF_LIFE_SECONDS,
      limit: candidatesPerClaim,
    });
    const taken = await claimFirstFree(deps, candidates, {
      maxPerOwner: env.ANALYSIS_MAX_CONCURRENT_PER_OWNER,
      // The first file always; a further one only when its budget ends within the longest one.
      fits: (timeoutMs) => analysed.length === 0 || Date.now() - startedAt + timeoutMs <= longestBudgetMs,
    });
    if (!taken) {
      // Files still wait (their buyers at their limit, the lanes full, or taken this instant) and this
      // job analysed none: it comes back for one, so there are never fewer jobs than waiting files.
      if (candidates.length > 0 && analysed.length === 0)
        await enqueueJobs(db, [
          followUpJob(
            "parts.analyze",
            { partId: jobPartId },
            { startAfter: new Date(Date.now() + retryWaitingMs) },
          ),
        ]);
      return analysed;
    }
    // The job's retries count for its own part; another part it took goes back to waiting on an error.
    const own =
      taken.id === jobPartId
        ? { retryCount: attempt.retryCount, retryLimit: attempt.retryLimit }
        : { retryCount: 0, retryLimit: 1 };
    let outcome;
    try {
      outcome = await runClaimedAnalysis(
        { ...deps, budget: deps.budget ?? analysisBudgetFromEnv() },
        taken.id,
        taken.timeoutMs,
        own,
      );
    } finally {
      taken.leaveLane();
    }
    analysed.push(taken.id);
    // The service is stopping: nothing more is taken (the rest waits for the next start's workers).
    if (outcome === "interrupted" || attempt.stopping?.()) return analysed;
  }
}

/** Claims the first candidate this worker may take: its lane free, its buyer under the limit, unclaimed. */
async function claimFirstFree(
  deps: { db: Database; lanes?: AnalysisLanes },
  candidates: { id: string; sizeBytes: number }[],
  rules: { maxPerOwner: number; fits: (timeoutMs: number) => boolean },
): Promise<{ id: string; timeoutMs: number; leaveLane: () => void } | undefined> {
  for (const candidate of candidates) {
    const timeoutMs = analysisTimeoutMs(candidate.sizeBytes);
    if (!rules.fits(timeoutMs)) continue;
    // The lane is taken before the claim's awaits, so two jobs of this process cannot both take the last.
    const leaveLane = deps.lanes ? deps.lanes.enter(candidate.sizeBytes) : () => undefined;
    if (!leaveLane) continue;
    const claim = await claimPartAnalysis(deps.db, candidate.id, {
      workerKey: currentWorkerKey() ?? null,
      timeoutMs,
      maxPerOwner: rules.maxPerOwner,
      waitingOnly: true,
    }).catch((error: unknown) => {
      leaveLane();
      throw error;
    });
    if (claim === "claimed") return { id: candidate.id, timeoutMs, leaveLane };
    leaveLane();
  }
  return undefined;
}
