import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";
import { analysisResultsRevision } from "../../quoting-engine/analysis/analysis-results-revision";
import type { AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { Database } from "../db/prisma";
import { dbFormatOf } from "../db/catalogue-codes";
import { getEnv } from "../env";
import type { FileStorage } from "../storage/file-storage";
import { encodeDisplayMesh } from "./display-mesh-codec";
import { partUnit } from "./part-unit";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { currentWorkerKey } from "../jobs/worker-liveness";
import { analysisTimeoutMs } from "./analysis-time-budget";
import { claimPartAnalysis } from "./claim-part-analysis";
import { analysisEngineVersion } from "./analysis-engine-version";
import { followAnalysis } from "./follow-analysis";

/** What one file may cost the analysis: its bytes and its mesh's triangles (checked before allocating). */
export interface AnalysisBudget {
  maxBytes: number;
  maxTriangles: number;
}

export function analysisBudgetFromEnv(): AnalysisBudget {
  const env = getEnv();
  return { maxBytes: env.UPLOAD_MAX_BYTES, maxTriangles: env.ANALYSIS_MAX_TRIANGLES };
}

/** Which attempt of its job this is (pg-boss counts retries); the last one ends a failing part for good. */
export interface AnalysisAttempt {
  retryCount: number;
  retryLimit: number;
  /** True once the job queue is stopping (a job taking files back to back takes no more). */
  stopping?: () => boolean;
}

/**
 * Analyses a stored part in a worker thread and keeps the result on the part: the report as JSON, the
 * display mesh as a binary file in storage. A file the engine cannot read ends as FAILED with the
 * engine's code and message for the buyer. Safe to run twice: an analysed part is left alone, a part a
 * live worker is analysing too, and an analysis whose worker died is started again. The time limit grows
 * with the file's size (lib/parts/analysis-time-budget.ts). An analysis interrupted by a stop is handed
 * back to the queue, and an unexpected error releases the part for the job's retry (docs/decisions/0046).
 */
export async function analyzeStoredPart(
  deps: { db: Database; storage: FileStorage; pool: AnalysisPool; budget?: AnalysisBudget },
  partId: string,
  attempt: AnalysisAttempt = { retryCount: 0, retryLimit: 0 },
): Promise<void> {
  const { db, storage, pool } = deps;
  const budget = deps.budget ?? analysisBudgetFromEnv();
  const env = getEnv();
  const sized = await db.part.findUnique({ where: { id: partId }, select: { sizeBytes: true } });
  if (!sized) return; // deleted
  const timeoutMs = analysisTimeoutMs(Number(sized.sizeBytes));
  const claim = await claimPartAnalysis(db, partId, {
    workerKey: currentWorkerKey() ?? null,
    timeoutMs,
    maxPerOwner: env.ANALYSIS_MAX_CONCURRENT_PER_OWNER,
  });
  if (claim === "not_needed") return; // analysed, failed for good, deleted, or a live worker has it
  if (claim === "owner_busy") {
    await enqueueJobs(db, [
      followUpJob("parts.analyze", { partId }, { startAfter: new Date(Date.now() + ownerBusyDelayMs) }),
    ]);
    return;
  }
  await runClaimedAnalysis({ db, storage, pool, budget }, partId, timeoutMs, attempt);
}

/**
 * Analyses a part this worker has claimed. An unexpected error releases the part for the job's retry, or
 * on the job's last attempt fails it with a message (docs/decisions/0046). "interrupted" when the service
 * stopped the analysis (the part is back in the queue), otherwise "done" (analysed or failed).
 */
export async function runClaimedAnalysis(
  deps: { db: Database; storage: FileStorage; pool: AnalysisPool; budget: AnalysisBudget },
  partId: string,
  timeoutMs: number,
  attempt: AnalysisAttempt,
): Promise<ClaimedAnalysisOutcome> {
  try {
    return await analyzeClaimedPart(deps, partId, timeoutMs);
  } catch (error) {
    const last = attempt.retryCount >= attempt.retryLimit;
    await deps.db.part.updateMany({
      where: { id: partId, status: "ANALYZING" },
      data: last
        ? {
            status: "FAILED",
            failureCode: "internal_error",
            failureMessage:
              "We could not analyse this file just now, after several tries. Upload it again, or request a quote for it.",
            ...released,
          }
        : { status: "UPLOADED", ...released },
    });
    throw error;
  }
}

export type ClaimedAnalysisOutcome = "done" | "interrupted";

/**
 * How often an analysis stopped at its time limit on a busy machine (`busy_timeout`: its thread had the
 * processor for less than half the limit) goes back to the queue before the part fails (decision 0122).
 */
const maxBusyRetries = 1;
/** A buyer with as many files in analysis as allowed: this one is looked at again after this delay. */
const ownerBusyDelayMs = 3_000;
const released = {
  analysisWorkerKey: null,
  analysisStartedAt: null,
  analysisDeadlineAt: null,
  analysisStage: null,
};

async function analyzeClaimedPart(
  deps: { db: Database; storage: FileStorage; pool: AnalysisPool; budget: AnalysisBudget },
  partId: string,
  timeoutMs: number,
): Promise<ClaimedAnalysisOutcome> {
  const { db, storage, pool, budget } = deps;
  const part = await db.part.findUniqueOrThrow({ where: { id: partId } });
  if (!(await storage.exists(part.storageKey))) {
    await db.part.update({
      where: { id: partId },
      data: {
        status: "FAILED",
        failureCode: "file_missing",
        failureMessage: "The uploaded file is no longer in our storage. Upload it again.",
        fileMissingSince: part.fileMissingSince ?? new Date(),
        ...released,
      },
    });
    return "done";
  }
  const bytes = new Uint8Array(await buffer(await storage.get(part.storageKey)));
  // An STL or OBJ part is read in the unit its buyer chose (lib/parts/switch-part-unit.ts).
  const assumeUnit = part.assumedUnit ? partUnit(part) : undefined;
  // The engine's steps and its early report are written as they come, one after another, so the
  // buyer's row and page follow the real analysis (docs/decisions/0049); a failed write is only news lost.
  const progress = followAnalysis(db, partId);
  const result = await pool.analyze(
    bytes,
    part.originalFileName,
    {
      ...budget,
      ...(assumeUnit ? { assumeUnit } : {}),
      // A DXF drawing is measured at the sheet thickness its buyer chose (issue 23).
      ...(part.sheetThicknessMm !== null ? { drawingThicknessMm: part.sheetThicknessMm } : {}),
    },
    { timeoutMs, onStage: progress.stage, onMeasured: progress.measured },
  );
  await progress.settled();
  if ("error" in result && result.error.code === "interrupted") {
    // The service is stopping: the part goes back to the queue for the next worker, not to FAILED.
    await db.$transaction(async (tx) => {
      await tx.part.update({ where: { id: partId }, data: { status: "UPLOADED", ...released } });
      await enqueueJobs(tx, [followUpJob("parts.analyze", { partId })]);
    });
    return "interrupted";
  }
  if ("error" in result && result.error.code === "busy_timeout" && part.analysisBusyRetries < maxBusyRetries) {
    // Out of time on a busy machine, not on a hard file: once more in the queue, as after a stop.
    await db.$transaction(async (tx) => {
      await tx.part.update({
        where: { id: partId },
        data: { status: "UPLOADED", analysisBusyRetries: { increment: 1 }, ...released },
      });
      await enqueueJobs(tx, [followUpJob("parts.analyze", { partId })]);
    });
    return "done";
  }
  if ("error" in result) {
    await db.part.update({
      where: { id: partId },
      data: {
        status: "FAILED",
        failureCode: result.error.code,
        failureMessage: result.error.message,
        ...released,
      },
    });
    return "done";
  }
  const mesh = await storage.put(Readable.from([encodeDisplayMesh(result.displayMesh)]), {
    maxBytes: 2 * 1024 * 1024 * 1024,
    contentType: "application/octet-stream",
  });
  await db.part.update({
    where: { id: partId },
    data: {
      status: "ANALYZED",
      format: dbFormatOf(result.report.file.format),
      analysis: result.report as unknown as object,
      analysisVersion: analysisContractVersion,
      analysisRevision: analysisResultsRevision,
      analysisEngine: analysisEngineVersion(),
      displayMeshKey: mesh.key,
      failureCode: null,
      failureMessage: null,
      analyzedAt: new Date(),
      ...released,
    },
  });
  return "done";
}
