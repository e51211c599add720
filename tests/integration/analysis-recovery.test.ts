import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { holdWorkerLiveness, type WorkerLiveness } from "../../lib/jobs/worker-liveness";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { recoverOrphanedAnalyses } from "../../lib/parts/recover-orphaned-analyses";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import type { AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { chunkedStream } from "../fixtures/streams";
import { createTestDatabase } from "./setup/test-database";

/** Issue 22, recovery (docs/decisions/0046): analyses a crash or a stop left behind run again. */
describe("recovering analyses", () => {
  let db: Database;
  let queue: JobQueue;
  let storage: FileStorage;
  let directory: string;
  let liveness: WorkerLiveness;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = createPrismaClient(databaseUrl);
    queue = await startJobQueue(databaseUrl, pino({ level: "silent" }));
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "recovery-"));
    storage = createLocalFileStorage(directory);
  });
  afterAll(async () => {
    await liveness?.close();
    await queue.stop();
    await db.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });

  const stored = async (fixture = "synth_cube20.step") =>
    storage.put(chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)), { maxBytes: 10_000_000 });
  const part = async (data: Record<string, unknown> = {}) => {
    const file = await stored();
    return db.part.create({
      data: {
        originalFileName: "cube.step",
        storageKey: file.key,
        contentSha256: file.sha256,
        sizeBytes: BigInt(file.sizeBytes),
        format: "STEP",
        visitorToken: "visitor-recovery",
        ...data,
      },
    });
  };
  const waitingJobs = async (partId: string) =>
    (
      await db.$queryRaw<{ state: string; startAfter: Date }[]>`
        SELECT state::text AS state, start_after AS "startAfter" FROM pgboss.job
        WHERE name = 'parts.analyze' AND data->>'partId' = ${partId} AND state IN ('created', 'retry')`
    ).length;

  it("gives an analysis job the analysis budget as its expiry, not pg-boss's 15 minutes", async () => {
    const definition = await queue.boss.getQueue("parts.analyze");
    expect(definition?.expireInSeconds).toBe(180);
  });

  it("queues again a part left ANALYZING by a worker that is gone, and leaves a live worker's part alone", async () => {
    liveness = await holdWorkerLiveness(databaseUrl, () => undefined);
    const orphan = await part({
      status: "ANALYZING",
      analysisWorkerKey: 12345,
      analysisStartedAt: new Date(),
    });
    const noKey = await part({ status: "ANALYZING" });
    const busy = await part({ status: "ANALYZING", analysisWorkerKey: liveness.key });
    const recovered = await recoverOrphanedAnalyses(db);
    expect(recovered.sort()).toEqual([orphan.id, noKey.id].sort());
    expect((await db.part.findUniqueOrThrow({ where: { id: orphan.id } })).status).toBe("UPLOADED");
    expect(await waitingJobs(orphan.id)).toBe(1);
    expect((await db.part.findUniqueOrThrow({ where: { id: busy.id } })).status).toBe("ANALYZING");
    expect(await waitingJobs(busy.id)).toBe(0);
    await db.part.deleteMany({ where: { id: { in: [orphan.id, noKey.id, busy.id] } } });
  });

  it("queues again a part uploaded over a minute ago whose job was lost", async () => {
    const lost = await part({ updatedAt: new Date(Date.now() - 5 * 60_000) });
    const fresh = await part();
    expect(await recoverOrphanedAnalyses(db)).toEqual([lost.id]);
    expect(await waitingJobs(lost.id)).toBe(1);
    expect(await recoverOrphanedAnalyses(db)).toEqual([]);
    await db.part.deleteMany({ where: { id: { in: [lost.id, fresh.id] } } });
  });

  it("hands an analysis the stop interrupted back to the queue instead of failing the part", async () => {
    const interrupted = await part();
    const stoppingPool: AnalysisPool = {
      analyze: async () => ({
        ok: false,
        error: { code: "interrupted", message: "The analysis service stopped before the analysis ended." },
      }),
      close: async () => undefined,
    };
    await analyzeStoredPart({ db, storage, pool: stoppingPool }, interrupted.id);
    const after = await db.part.findUniqueOrThrow({ where: { id: interrupted.id } });
    expect(after).toMatchObject({ status: "UPLOADED", failureCode: null, analysisWorkerKey: null });
    expect(await waitingJobs(interrupted.id)).toBe(1);
  });

  it("queues a file stopped on a busy machine once more, and fails it saying the service was busy the second time", async () => {
    const busy = await part();
    const busyPool: AnalysisPool = {
      analyze: async () => ({
        ok: false,
        error: { code: "busy_timeout", message: "The analysis was stopped after 20 s because the service was busy." },
      }),
      close: async () => undefined,
    };
    await analyzeStoredPart({ db, storage, pool: busyPool }, busy.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({
      status: "UPLOADED",
      failureCode: null,
      analysisWorkerKey: null,
      analysisBusyRetries: 1,
    });
    expect(await waitingJobs(busy.id)).toBe(1);

    await analyzeStoredPart({ db, storage, pool: busyPool }, busy.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({
      status: "FAILED",
      failureCode: "busy_timeout",
      failureMessage: expect.stringContaining("the service was busy"),
      analysisBusyRetries: 1,
    });
  });

  it("claims with a deadline scaled to the file's size and analyses no more files of one buyer at once than allowed", async () => {
    const company = await db.company.findFirst();
    const owner = company ? { companyId: company.id } : { visitorToken: "visitor-busy" };
    await part({ ...owner, status: "ANALYZING", analysisWorkerKey: liveness.key });
    await part({ ...owner, status: "ANALYZING", analysisWorkerKey: liveness.key });
    const third = await part(owner);
    let analysed = 0;
    const countingPool: AnalysisPool = {
      analyze: async () => {
        analysed++;
        return { ok: false, error: { code: "malformed", message: "not read" } };
      },
      close: async () => undefined,
    };
    await analyzeStoredPart({ db, storage, pool: countingPool }, third.id);
    expect(analysed).toBe(0);
    expect((await db.part.findUniqueOrThrow({ where: { id: third.id } })).status).toBe("UPLOADED");
    expect(await waitingJobs(third.id)).toBe(1);

    // Another buyer's file goes ahead, with a deadline of about 20 s for a file of a few KB.
    let deadline: Date | null = null;
    const watchingPool: AnalysisPool = {
      analyze: async () => {
        deadline = (
          await db.part.findFirstOrThrow({ where: { status: "ANALYZING", visitorToken: "visitor-recovery" } })
        ).analysisDeadlineAt;
        return { ok: false, error: { code: "malformed", message: "not read" } };
      },
      close: async () => undefined,
    };
    const other = await part();
    const before = Date.now();
    await analyzeStoredPart({ db, storage, pool: watchingPool }, other.id);
    expect(deadline).not.toBeNull();
    const budgetMs = deadline!.getTime() - before;
    expect(budgetMs).toBeGreaterThan(19_000);
    expect(budgetMs).toBeLessThan(22_000);
  });

  it("fails a part whose stored file is gone with a message, instead of erroring on every retry", async () => {
    const gone = await part();
    await storage.delete(gone.storageKey);
    await analyzeStoredPart(
      {
        db,
        storage,
        pool: { analyze: async () => Promise.reject(new Error("unreached")), close: async () => undefined },
      },
      gone.id,
    );
    expect(await db.part.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({
      status: "FAILED",
      failureCode: "file_missing",
      fileMissingSince: expect.any(Date),
    });
  });
});
