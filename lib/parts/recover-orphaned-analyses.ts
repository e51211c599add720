import { Prisma } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { enqueueJobs, followUpJob } from "../jobs/enqueue-job";
import { workerIsAlive } from "../jobs/worker-liveness";
import { getLogger } from "../logging/logger";

/** An UPLOADED part this old without a waiting job lost its job (a crash between the row and the send). */
const lostJobAfterSeconds = 60;

/**
 * Puts parts whose analysis nobody will finish back in the queue: parts ANALYZING under a worker that is
 * gone (killed, crashed: its liveness lock is free) and parts UPLOADED long enough ago without an
 * analysis job waiting. Runs at every start before the workers (a killed app's parts are analysed
 * seconds after the restart) and every minute (another worker's crash). Returns the parts queued again.
 */
export async function recoverOrphanedAnalyses(db: Database): Promise<string[]> {
  const alive = Prisma.raw(workerIsAlive(`p."analysisWorkerKey"`));
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Part" p
      SET status = 'UPLOADED', "analysisWorkerKey" = NULL, "analysisStartedAt" = NULL,
          "analysisDeadlineAt" = NULL, "updatedAt" = now()
      WHERE (p.status = 'ANALYZING' AND NOT ${alive})
         OR (p.status = 'UPLOADED' AND p."updatedAt" < now() - make_interval(secs => ${lostJobAfterSeconds})
             AND NOT EXISTS (
               SELECT 1 FROM pgboss.job j
               WHERE j.name = 'parts.analyze' AND j.data->>'partId' = p.id
                 AND j.state IN ('created', 'retry', 'active')))
      RETURNING p.id`;
    const ids = rows.map((row) => row.id);
    // Queued first among waiting files: these buyers have waited longest.
    await enqueueJobs(
      tx,
      ids.map((partId) => followUpJob("parts.analyze", { partId })),
    );
    if (ids.length) getLogger().warn({ parts: ids }, "analyses of stopped workers queued again");
    return ids;
  });
}
