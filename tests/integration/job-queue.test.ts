import { jobHandlers } from "../../scripts/worker/job-handlers";
import pino from "pino";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { analysisJobExpirySeconds } from "../../lib/parts/analysis-time-budget";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { createTestDatabase } from "./setup/test-database";

describe("the PostgreSQL job queue", () => {
  let db: Database;
  let queue: JobQueue;
  beforeAll(async () => {
    const url = await createTestDatabase();
    db = createPrismaClient(url);
    queue = await startJobQueue(url, pino({ level: "silent" }));
  });
  afterAll(async () => {
    await queue.stop();
    await db.$disconnect();
  });

  it("runs a sent job in a worker: old sign-in attempts are purged, recent ones kept", async () => {
    const old = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
    await db.signInAttempt.createMany({
      data: [
        { email: "a@x.example", ipAddress: "1.1.1.1", succeeded: false, createdAt: old },
        { email: "b@x.example", ipAddress: "1.1.1.1", succeeded: true },
      ],
    });
    await queue.startWorkers(db, jobHandlers);
    const jobId = await queue.send("maintenance.purge-sign-in-attempts", { olderThanDays: 30 });
    expect(jobId).toBeTruthy();

    const deadline = Date.now() + 20_000;
    let state: string | undefined;
    while (Date.now() < deadline) {
      state = (await queue.boss.getJobById("maintenance.purge-sign-in-attempts", jobId!))?.state;
      if (state === "completed" || state === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(state).toBe("completed");
    expect((await db.signInAttempt.findMany()).map((row) => row.email)).toEqual(["b@x.example"]);
  });

  it("starts on a database whose queues an earlier version created, and brings their expiry up to date", async () => {
    const url = await createTestDatabase();
    const earlier = new PgBoss({ connectionString: url, max: 1 });
    await earlier.start();
    // As the version before docs/decisions/0046 left it: pg-boss's 15-minute expiry, no dead letter.
    if (!(await earlier.getQueue("parts.analyze")))
      await earlier.createQueue("parts.analyze", {
        name: "parts.analyze",
        retryLimit: 2,
        retryBackoff: true,
      });
    await earlier.updateQueue("parts.analyze", { name: "parts.analyze", expireInSeconds: 900 });
    expect((await earlier.getQueue("parts.analyze"))?.deadLetter ?? null).toBeNull();
    await earlier.stop({ graceful: false, wait: true });
    const restarted = await startJobQueue(url, pino({ level: "silent" }));
    try {
      const analysis = await restarted.boss.getQueue("parts.analyze");
      expect(analysis?.expireInSeconds).toBe(analysisJobExpirySeconds());
      expect(analysis?.retryLimit).toBe(2);
    } finally {
      await restarted.stop();
    }
  });

  it("sends a follow-up job once per transaction, however many steps ask for it", async () => {
    const job = followUpJob(
      "maintenance.purge-sign-in-attempts",
      { olderThanDays: 77 },
      { startAfter: new Date(Date.now() + 24 * 60 * 60 * 1000) },
    );
    await db.$transaction(async (tx) => {
      await enqueueJobs(tx, [job]);
      await enqueueJobs(tx, [job]);
    });
    const rows = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM pgboss.job
      WHERE name = 'maintenance.purge-sign-in-attempts' AND data->>'olderThanDays' = '77'`;
    expect(Number(rows[0]?.count)).toBe(1);
  });

  it("refuses a payload that does not match the job's schema before it is queued", async () => {
    await expect(queue.send("maintenance.purge-sign-in-attempts", { olderThanDays: -1 })).rejects.toThrow();
  });
});
