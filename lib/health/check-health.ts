import type { Database } from "../db/prisma";
import { Prisma } from "../db/generated/client";
import { thisDatabase, workerLockClass } from "../jobs/worker-liveness";
import type { FileStorage } from "../storage/file-storage";

export type HealthPart = "database" | "queue" | "storage";

export interface HealthCheck {
  status: "ok" | "down";
  /** The parts that are down, named, so an operator knows where to look. */
  down: HealthPart[];
  checks: Record<HealthPart, { status: "ok" | "down"; detail?: string }>;
}

/** A waiting job this old means nobody works the queue (the minute sweeps alone would be younger). */
const stuckJobSeconds = 300;
const checkTimeoutMs = 3_000;

/**
 * What `/api/health` answers: whether the database answers, whether any job worker is alive (its
 * liveness lock, lib/jobs/worker-liveness.ts) and keeps up (no due job waiting five minutes), and whether
 * the file storage answers. Each check is bounded by a few seconds, so a hung part reads as down.
 */
export async function checkHealth(db: Database, storage: FileStorage): Promise<HealthCheck> {
  const [database, queue, files] = await Promise.all([
    bounded(async () => {
      await db.$queryRaw`SELECT 1`;
      return undefined;
    }),
    bounded(async () => {
      const [row] = await db.$queryRaw<{ workers: number; stuck: number }[]>`
        SELECT
          (SELECT count(*)::int FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${workerLockClass}::oid
              ${Prisma.raw(thisDatabase)}) AS workers,
          (SELECT count(*)::int FROM pgboss.job
            WHERE state IN ('created', 'retry')
              AND start_after < now() - make_interval(secs => ${stuckJobSeconds})) AS stuck`;
      if (!row || row.workers === 0) throw new Error("no job worker is running");
      if (row.stuck > 0)
        throw new Error(`${row.stuck} due job(s) waiting over ${stuckJobSeconds / 60} minutes`);
      return `${row.workers} worker(s)`;
    }),
    bounded(async () => {
      await storage.probe();
      return undefined;
    }),
  ]);
  const checks = { database, queue, storage: files };
  const down = (Object.keys(checks) as HealthPart[]).filter((part) => checks[part].status === "down");
  return { status: down.length ? "down" : "ok", down, checks };
}

async function bounded(
  check: () => Promise<string | undefined>,
): Promise<{ status: "ok" | "down"; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${checkTimeoutMs / 1000} s`)),
          checkTimeoutMs,
        );
      }),
    ]);
    return detail ? { status: "ok", detail } : { status: "ok" };
  } catch (error) {
    // The first line only: driver errors can carry connection strings further down.
    return {
      status: "down",
      detail: String((error as Error).message ?? error)
        .split("\n")[0]!
        .slice(0, 200),
    };
  } finally {
    clearTimeout(timer);
  }
}
