import PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "../db/prisma";
import { listenForNotifications, notifyListeners } from "../db/database-notifications";
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
   * `concurrency`: jobs of a queue run at the same time (default 1), e.g. the analysis pool's size;
   * `pollingIntervalSeconds`: how often a queue's idle workers look for jobs whose wake-up they missed
   * (default the job's definition's, else 2 s; a job sent now wakes them at once).
   */
  startWorkers(
    db: Database,
    handlers: JobHandlers,
    options?: {
      concurrency?: Partial<Record<JobName, number>>;
      pollingIntervalSeconds?: Partial<Record<JobName, number>>;
    },
  ): Promise<void>;
  stop(): Promise<void>;
  /** Waits (up to `timeoutMs`) for handlers still running after `stop`, e.g. analyses handing back. */
  settle(timeoutMs: number): Promise<void>;
  readonly boss: PgBoss;
}

/**
 * The NOTIFY channel whose payload is the name of a queue that has a job to start now: processes running
 * that queue's workers fetch it at once instead of at their next poll (docs/decisions/0070).
 */
export const jobSentChannel = "job_sent";

/** A job to start now (no start time, or one already passed), which its workers are woken for. */
export function startsNow(startAfter: Date | undefined): boolean {
  return !startAfter || startAfter.getTime() <= Date.now();
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
  // This process's pg-boss workers by queue: woken when a job of theirs is sent (wakeJobWorkers).
  const workerIds = new Map<JobName, string[]>();
  let stopListening: (() => void) | undefined;

  return {
    boss,
    async send(name, payload, options) {
      const parsed = jobDefinitions[name].payload.parse(payload);
      const id = await boss.send(name, parsed, {
        singletonKey: options?.singletonKey,
        startAfter: options?.startAfter,
        // pg-boss refuses a `priority` key that is present but undefined.
        ...(options?.priority !== undefined ? { priority: options.priority } : {}),
      });
      if (id && startsNow(options?.startAfter))
        await notifyListeners((sql, values) => boss.getDb().executeSql(sql, values), jobSentChannel, name);
      return id;
    },
    async startWorkers(db, handlers, options) {
      // A job sent anywhere (this process or another) is fetched at once, not at the next poll.
      stopListening = await listenForNotifications(
        jobSentChannel,
        (name) => {
          for (const id of workerIds.get(name as JobName) ?? []) boss.notifyWorker(id);
        },
        databaseUrl,
      );
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
        const workOptions = {
          pollingIntervalSeconds:
            options?.pollingIntervalSeconds?.[name] ?? definition.pollingIntervalSeconds ?? 2,
        };
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
        const ids: string[] = [];
        for (let index = 0; index < concurrency; index++)
          ids.push(await boss.work(name, { ...workOptions, includeMetadata: true }, handle));
        workerIds.set(name, ids);
        if (definition.schedule) await boss.schedule(name, definition.schedule, {});
      }
    },
    async stop() {
      stopping = true;
      stopListening?.();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    async settle(timeoutMs) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref());
      await Promise.race([Promise.allSettled([...running]), timeout]);
    },
  };
}
