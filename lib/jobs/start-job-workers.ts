import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import { getEnv } from "../env";
import { analysisPoolSize } from "../parts/analysis-pool-size";
import { recoverOrphanedAnalyses } from "../parts/recover-orphaned-analyses";
import { registerJobQueue } from "./get-job-queue";
import type { JobHandlers } from "./job-definitions";
import type { JobQueue } from "./job-queue";
import { holdWorkerLiveness, type WorkerLiveness } from "./worker-liveness";

/**
 * What every process that runs jobs does before its first job, the same for `npm start` and
 * `npm run worker`: code the handlers call finds the database (DATABASE_URL) and this queue for
 * follow-up jobs; the process takes its liveness lock; analyses a killed predecessor left ANALYZING are
 * queued again; then the workers start (docs/decisions/0046).
 */
export async function startJobWorkers(options: {
  databaseUrl: string;
  db: Database;
  queue: JobQueue;
  handlers: JobHandlers;
  /** The liveness connection broke (the database went away): the process should stop. */
  onLivenessLost: (error: Error) => void;
}): Promise<WorkerLiveness> {
  process.env.DATABASE_URL = options.databaseUrl;
  registerJobQueue(options.queue);
  const liveness = await holdWorkerLiveness(options.databaseUrl, options.onLivenessLost);
  const recovered = await recoverOrphanedAnalyses(options.db);
  if (recovered.length)
    getLogger().warn({ count: recovered.length }, "parts left in analysis by a stopped worker queued again");
  // As many analysis jobs at once as the pool has workers (docs/decisions/0049).
  await options.queue.startWorkers(options.db, options.handlers, {
    concurrency: { "parts.analyze": analysisPoolSize(getEnv()) },
  });
  return liveness;
}
