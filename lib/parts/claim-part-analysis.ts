import { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { workerIsAlive } from "../jobs/worker-liveness";

export type AnalysisClaim = "claimed" | "not_needed" | "owner_busy";

interface ClaimRow {
  status: string;
  companyId: string | null;
  visitorToken: string | null;
  analysisWorkerKey: number | null;
  alive: boolean;
  unstarted: boolean;
}

/**
 * Takes a part for analysis by this worker: an UPLOADED part, or an ANALYZING one whose worker is gone
 * (its liveness lock is free: a crash). Not a part a live worker is on (a job delivered twice), and not
 * while the part's buyer (company or visitor) already has `maxPerOwner` files in analysis, so one buyer's
 * heavy files cannot hold every worker ("owner_busy": the caller queues the job again a little later).
 * The claim records the worker and the deadline of its time budget, which the pages show.
 */
export async function claimPartAnalysis(
  db: Database,
  partId: string,
  claim: {
    workerKey: number | null;
    timeoutMs: number;
    maxPerOwner: number;
    /**
     * Only a part waiting for a worker (UPLOADED, or sent back for a re-analysis nobody started), and
     * none another claim is taking right now (skipped, not waited for): the pool's claims of the next
     * file in line (lib/parts/analyze-next-part.ts), where workers of one process share a key.
     */
    waitingOnly?: boolean;
  },
): Promise<AnalysisClaim> {
  return db.$transaction(async (tx) => {
    const alive = Prisma.raw(workerIsAlive(`"analysisWorkerKey"`));
    const lock = claim.waitingOnly ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.sql`FOR UPDATE`;
    const [part] = await tx.$queryRaw<ClaimRow[]>`
      SELECT status::text AS status, "companyId", "visitorToken", "analysisWorkerKey", ${alive} AS alive,
             "analysisStartedAt" IS NULL AS unstarted
      FROM "Part" WHERE id = ${partId} ${lock}`;
    if (!part || (part.status !== "UPLOADED" && part.status !== "ANALYZING")) return "not_needed";
    if (claim.waitingOnly && part.status === "ANALYZING" && !part.unstarted) return "not_needed";
    const takenByLiveWorker =
      part.status === "ANALYZING" && part.alive && part.analysisWorkerKey !== claim.workerKey;
    if (takenByLiveWorker) return "not_needed";
    const owner = part.companyId
      ? Prisma.sql`"companyId" = ${part.companyId}`
      : part.visitorToken
        ? Prisma.sql`"visitorToken" = ${part.visitorToken}`
        : undefined;
    if (owner) {
      // One buyer's claims one after another, so two workers cannot both see a free place.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`analysis-owner:${part.companyId ?? part.visitorToken}`}))`;
      const [busy] = await tx.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM "Part"
        WHERE ${owner} AND id <> ${partId} AND status = 'ANALYZING' AND ${alive}`;
      if ((busy?.count ?? 0) >= claim.maxPerOwner) return "owner_busy";
    }
    const now = new Date();
    await tx.part.update({
      where: { id: partId },
      data: {
        status: "ANALYZING",
        analysisWorkerKey: claim.workerKey,
        analysisStartedAt: now,
        analysisDeadlineAt: new Date(now.getTime() + claim.timeoutMs),
        // A new analysis: the steps and the early report of an earlier one (another unit) are gone.
        analysisStage: null,
        preliminaryAnalysis: Prisma.DbNull,
        preliminaryAnalysisAt: null,
      },
    });
    return "claimed";
  });
}
