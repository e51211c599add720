import { randomInt } from "node:crypto";
import pg from "pg";

/**
 * The first key of the two-key advisory lock a live worker process holds (the second is its own key).
 * PostgreSQL drops a session's locks the moment the session ends, also when its process is killed
 * (kill -9) or the database restarts, so "nobody holds (this, key)" means "the worker with that key is
 * gone" without heartbeats or clocks (docs/decisions/0046).
 */
export const workerLockClass = 22_022;

export interface WorkerLiveness {
  /** This process's key, written on the parts it analyses (Part.analysisWorkerKey). */
  readonly key: number;
  close(): Promise<void>;
}

const globalForLiveness = globalThis as unknown as { workerLiveness?: WorkerLiveness };

/**
 * Takes this process's liveness lock on a connection of its own, held while the process lives. Call once
 * per process that runs jobs (npm start, npm run worker) before its workers start.
 */
export async function holdWorkerLiveness(
  databaseUrl: string,
  onLost: (error: Error) => void,
): Promise<WorkerLiveness> {
  const key = randomInt(1, 2 ** 31 - 1);
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "worker-liveness" });
  let closing = false;
  // Without the lock other workers take this process's parts for orphans: the owner decides what to do.
  client.on("error", (error) => {
    if (!closing) onLost(error);
  });
  client.on("end", () => {
    if (!closing) onLost(new Error("The worker's liveness connection to PostgreSQL ended."));
  });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1, $2)", [workerLockClass, key]);
  const liveness: WorkerLiveness = {
    key,
    async close() {
      closing = true;
      if (globalForLiveness.workerLiveness === liveness) globalForLiveness.workerLiveness = undefined;
      await client.end().catch(() => undefined);
    },
  };
  globalForLiveness.workerLiveness = liveness;
  return liveness;
}

/** This process's liveness key, or undefined where no worker runs (tests analysing directly). */
export function currentWorkerKey(): number | undefined {
  return globalForLiveness.workerLiveness?.key;
}

/** Advisory locks are per database; a server may hold several (test databases, a second app). */
export const thisDatabase = "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

/**
 * SQL condition, true when the worker with the key in `column` is alive. Only for our own column names.
 */
export function workerIsAlive(column: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted ${thisDatabase}
    AND l.classid = ${workerLockClass}::oid AND l.objid = ${column}::oid AND l.objsubid = 2)`;
}
