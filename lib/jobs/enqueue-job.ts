import PgBoss from "pg-boss";
import type { Database, TransactionClient } from "../db/prisma";
import { notifyListeners } from "../db/database-notifications";
import { preparedStatementMarker } from "../db/prepared-statement-name";
import { queryTextRows } from "../db/transaction-pg-client";
import { jobDefinitions, type JobName, type JobPayload } from "./job-definitions";
import { jobSentChannel, startsNow } from "./job-queue";

/** A follow-up job of a state change: sent in the change's own transaction (see enqueueJobs). */
export type FollowUpJob = {
  [Name in JobName]: {
    name: Name;
    payload: JobPayload<Name>;
    options?: { singletonKey?: string; startAfter?: Date };
  };
}[JobName];

/** A follow-up job, typed by its name: `followUpJob("payouts.pay", { payoutId })`. */
export function followUpJob<Name extends JobName>(
  name: Name,
  payload: JobPayload<Name>,
  options?: { singletonKey?: string; startAfter?: Date },
): FollowUpJob {
  return { name, payload, options } as FollowUpJob;
}

// pg-boss only builds its INSERT here and runs it on the connection each send names; this instance is never
// started and opens no connection of its own (the default one refuses, so nothing slips past the transaction).
let sendOnlyQueue: PgBoss | undefined;
const sentInTransaction = new WeakMap<object, Set<string>>();
export function getSendOnlyQueue(): PgBoss {
  sendOnlyQueue ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error("A follow-up job is sent only inside a transaction.")),
    },
  });
  return sendOnlyQueue;
}

/**
 * Puts follow-up jobs into pg-boss's job table on the transaction's own connection, so that they commit
 * with the state change that caused them, or not at all when it rolls back. Workers see them only after
 * the commit. Call it last in the transaction: the rows are inserted in one stable order.
 */
export async function enqueueJobs(
  tx: TransactionClient | Database,
  jobs: readonly FollowUpJob[],
): Promise<void> {
  const queue = getSendOnlyQueue();
  // Within one transaction the same job is sent once, however many steps ask for it.
  // A Prisma 7 transaction client keeps `$transaction` (it throws when called) but not `$connect`.
  const inTransaction = !("$connect" in tx);
  const sent = inTransaction ? (sentInTransaction.get(tx) ?? new Set<string>()) : new Set<string>();
  if (inTransaction) sentInTransaction.set(tx, sent);
  // pg-boss's statements take a few fixed texts: each connection prepares them once (issue 22: planning
  // the job insert cost the matcher about 0.9 ms of the database's time per offer). In a transaction they
  // go on its pg connection rather than through Prisma (decision 0119: Prisma's machinery cost the matcher
  // about as much Node time as the insert's round trip); pg-boss reads back only the job's id.
  const db = {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await queryTextRows<unknown>(tx, preparedStatementMarker + text, values.map(sqlValue)),
    }),
  };
  const wake = new Set<JobName>();
  for (const job of jobs) {
    const key = JSON.stringify([job.name, job.payload, job.options?.singletonKey, job.options?.startAfter]);
    if (sent.has(key)) continue;
    sent.add(key);
    const payload = jobDefinitions[job.name].payload.parse(job.payload);
    const id = await queue.send(job.name, payload as object, {
      singletonKey: job.options?.singletonKey,
      startAfter: job.options?.startAfter,
      db,
    });
    if (id && startsNow(job.options?.startAfter)) wake.add(job.name);
  }
  // The queues' workers wake when the jobs commit (PostgreSQL delivers a NOTIFY then, or never).
  for (const name of wake) await notifyListeners(db.executeSql, jobSentChannel, name);
}

/** pg-boss hands its pg driver objects for jsonb columns; through Prisma they travel as JSON text. */
export function sqlValue(value: unknown): unknown {
  return value !== null && typeof value === "object" && !(value instanceof Date)
    ? JSON.stringify(value)
    : value;
}
