import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "../db/prisma";
import { analysisJobExpirySeconds } from "../parts/analysis-time-budget";
import {
  jobDefinitions,
  jobNames,
  type JobAttempt,
  type JobHandlers,
  type JobName,
  type JobPayload,
} from "./job-definitions";

export interface JobQueue {
  send<Name extends JobName>(
    name: Name,
    payload: JobPayload<Name>,
    /** `priority`: higher is fetched first among waiting jobs of a queue (default 0). */
    options?: { singletonKey?: string; startAfter?: Date; priority?: number },
  ): Promise<string | null>;
  /**
   * Starts handling every queue in this process with `handlers` (scripts/worker/job-handlers.ts);
   * `concurrency`: jobs of a queue run at the same time (default 1), e.g. the analysis pool's size.
   */
  startWorkers(
    db: Database,
    handlers: JobHandlers,
    options?: { concurrency?: Partial<Record<JobName, number>> },
  ): Promise<void>;
  stop(): Promise<void>;
  /** Waits (up to `timeoutMs`) for handlers still running after `stop`, e.g. analyses handing back. */
  settle(timeoutMs: number): Promise<void>;
  readonly boss: PgBoss;
}

/**
 * A PostgreSQL-backed queue (pg-boss, in its own `pgboss` schema). Any number of processes may send and
 * work; pg-boss's SKIP LOCKED fetch gives each job to one worker at a time.
 */
export async function startJobQueue(databaseUrl: string, logger: Logger): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 4 });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const name of jobNames) {
    const definition: { retryLimit: number; expireInSeconds?: "analysis" } = jobDefinitions[name];
    const expireInSeconds =
      definition.expireInSeconds === "analysis" ? analysisJobExpirySeconds() : undefined;
    const existing = await boss.getQueue(name);
    if (!existing)
      await boss.createQueue(name, {
        name,
        retryLimit: definition.retryLimit,
        retryBackoff: true,
        ...(expireInSeconds ? { expireInSeconds } : {}),
      });
    // Only what changes: pg-boss keeps every option left out (COALESCE), while the stored row's nulls
    // (a queue without a dead-letter queue) fail its argument checks and stopped `npm start` on a
    // database whose queues an earlier version had created.
    else if (expireInSeconds && existing.expireInSeconds !== expireInSeconds)
      await boss.updateQueue(name, { name, policy: existing.policy, expireInSeconds });
  }
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  const isStopping = () => stopping;

  return {
    boss,
    async send(name, payload, options) {
      const parsed = jobDefinitions[name].payload.parse(payload);
      return boss.send(name, parsed, {
        singletonKey: options?.singletonKey,
        startAfter: options?.startAfter,
        // pg-boss refuses a `priority` key that is present but undefined.
        ...(options?.priority !== undefined ? { priority: options.priority } : {}),
      });
    },
    async startWorkers(db, handlers, options) {
      for (const name of jobNames) {
        // One loosely typed view: each handler takes its own job's payload, parsed just before.
        const definition = jobDefinitions[name] as unknown as {
          payload: { parse(data: unknown): unknown };
          schedule?: string;
          pollingIntervalSeconds?: number;
        };
        const handler = handlers[name] as (
          db: Database,
          payload: unknown,
          attempt: JobAttempt,
        ) => Promise<void>;
        const workOptions = { pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 2 };
        const handle = async (jobs: PgBoss.JobWithMetadata<object>[]) => {
          for (const job of jobs) {
            const jobLogger = logger.child({ jobId: job.id, job: name });
            const payload = definition.payload.parse(job.data);
            const startedAt = Date.now();
            const run = handler(db, payload, {
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
              stopping: isStopping,
            });
            running.add(run);
            try {
              await run;
            } finally {
              running.delete(run);
            }
            jobLogger.info({ ms: Date.now() - startedAt }, "job done");
          }
        };
        // pg-boss 10 runs one job at a time per worker: n workers run n at once.
        const concurrency = Math.max(1, options?.concurrency?.[name] ?? 1);
        for (let index = 0; index < concurrency; index++)
          await boss.work(name, { ...workOptions, includeMetadata: true }, handle);
        if (definition.schedule) await boss.schedule(name, definition.schedule, {});
      }
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async settle(timeoutMs) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...running]), timeout]);
    },
  };
}
