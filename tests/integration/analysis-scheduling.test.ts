import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { jobNames, type JobHandlers } from "../../lib/jobs/job-definitions";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { createAnalysisLanes } from "../../lib/parts/analysis-lanes";
import { filesAheadOf, waitingPartsInOrder } from "../../lib/parts/analysis-queue-order";
import { analyzeNextPart } from "../../lib/parts/analyze-next-part";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { chunkedStream } from "../fixtures/streams";
import { createTestDatabase } from "./setup/test-database";

/**
 * Issue 22 (docs/decisions/0049): the analysis queue takes small files before big ones, and buyers in
 * turns, through the real job queue (pg-boss) and, for the seven files, the real engine.
 */
describe("scheduling analyses", () => {
  let db: Database;
  let queue: JobQueue | undefined;
  let storage: FileStorage;
  let directory: string;
  let databaseUrl: string;
  const pools: AnalysisPool[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = createPrismaClient(databaseUrl);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "scheduling-"));
    storage = createLocalFileStorage(directory);
  });
  afterAll(async () => {
    await queue?.stop();
    await Promise.all(pools.map((pool) => pool.close()));
    await db.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });

  /** Parts dropped at once: created and their jobs sent in one transaction, the first one first. */
  const drop = async (files: { name: string; owner: string; sizeBytes?: number; createdAt?: Date }[]) => {
    const stored = await Promise.all(
      files.map((file) =>
        storage.put(chunkedStream(readFileSync(`tests/fixtures/cad/${file.name}`)), { maxBytes: 10_000_000 }),
      ),
    );
    return db.$transaction(async (tx) => {
      const parts = [];
      for (const [index, file] of files.entries())
        parts.push(
          await tx.part.create({
            data: {
              originalFileName: file.name,
              storageKey: stored[index]!.key,
              contentSha256: stored[index]!.sha256,
              sizeBytes: BigInt(file.sizeBytes ?? stored[index]!.sizeBytes),
              format: file.name.endsWith(".igs") ? "IGES" : file.name.endsWith(".3mf") ? "THREE_MF" : "STEP",
              visitorToken: file.owner,
              ...(file.createdAt ? { createdAt: file.createdAt } : {}),
            },
          }),
        );
      await enqueueJobs(
        tx,
        parts.map((part) => followUpJob("parts.analyze", { partId: part.id })),
      );
      return parts;
    });
  };

  /** Runs the analysis jobs through pg-boss, one at a time (a pool of one), recording the order. */
  const runQueue = async (pool: AnalysisPool) => {
    queue = await startJobQueue(databaseUrl, pino({ level: "silent" }));
    const idle = async () => undefined;
    const handlers = Object.fromEntries(jobNames.map((name) => [name, idle])) as unknown as JobHandlers;
    handlers["parts.analyze"] = async (database, payload, attempt) => {
      await analyzeNextPart({ db: database, storage, pool }, payload.partId, attempt);
    };
    await queue.startWorkers(db, handlers, { concurrency: { "parts.analyze": 1 } });
  };

  const recordingPool = (inner: AnalysisPool, finished: string[]): AnalysisPool => ({
    analyze: async (bytes, fileName, options, limits) => {
      const result = await inner.analyze(bytes, fileName, options, limits);
      finished.push(fileName);
      return result;
    },
    close: () => inner.close(),
  });

  const waitUntil = async (done: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error("timed out");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it("orders waiting files by size with ageing, one buyer's files in turns with another's, and counts the files ahead", async () => {
    const now = Date.now();
    const parts = await drop([
      { name: "synth_cube20.step", owner: "order-a", sizeBytes: 2_000_000 },
      { name: "synth_cube20.step", owner: "order-a", sizeBytes: 10_000 },
      { name: "synth_cube20.step", owner: "order-a", sizeBytes: 20_000 },
      { name: "synth_cube20.step", owner: "order-b", sizeBytes: 50_000 },
      // Waited a minute: twelve half-lives of 5 s make it count as 732 bytes, smaller than any new file.
      {
        name: "synth_cube20.step",
        owner: "order-c",
        sizeBytes: 3_000_000,
        createdAt: new Date(now - 60_000),
      },
    ]);
    const [bigA, smallA, mediumA, onlyB, oldC] = parts.map((part) => part.id);
    const order = (await waitingPartsInOrder(db, { halfLifeSeconds: 5, limit: 10 })).map((part) => part.id);
    expect(order).toEqual([oldC, smallA, onlyB, mediumA, bigA]);
    expect(await filesAheadOf(db, bigA!, { halfLifeSeconds: 5 })).toBe(4);
    expect(await filesAheadOf(db, oldC!, { halfLifeSeconds: 5 })).toBe(0);
    await db.part.deleteMany({ where: { id: { in: parts.map((part) => part.id) } } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'parts.analyze'`;
  });

  it("analyses five small files dropped with a 2 MB STEP and an IGES before the two big ones, on one worker", async () => {
    const finished: string[] = [];
    const engine = createAnalysisPool({ size: 1 });
    pools.push(engine);
    const owner = "drop-seven";
    // The big ones first: in the order they came, they would hold the worker for the small ones.
    const parts = await drop(
      [
        "nist_ftc_06_asme1_ap242-e2.stp",
        "surfaces_tiled_cube40.igs",
        "synth_cube20.step",
        "occt_rounded_cube.step",
        "synth_turned_stepped_shaft.step",
        "3mfc_box_prod.3mf",
        "occt_conical_surface.step",
      ].map((name) => ({ name, owner })),
    );
    // The big file's row follows the engine's steps while it runs.
    const stagesSeen = new Set<string>();
    const watching = setInterval(() => {
      void db.part
        .findUnique({ where: { id: parts[0]!.id }, select: { analysisStage: true } })
        .then((part) => part?.analysisStage && stagesSeen.add(part.analysisStage));
    }, 40);
    await runQueue(recordingPool(engine, finished));
    await waitUntil(
      async () =>
        (await db.part.count({
          where: { id: { in: parts.map((part) => part.id) }, status: { in: ["ANALYZED", "FAILED"] } },
        })) === 7,
      240_000,
    );
    clearInterval(watching);
    const bigOnes = ["nist_ftc_06_asme1_ap242-e2.stp", "surfaces_tiled_cube40.igs"];
    const firstBig = Math.min(...bigOnes.map((name) => finished.indexOf(name)));
    const smallOnes = finished.filter((name) => !bigOnes.includes(name));
    expect(smallOnes).toHaveLength(5);
    for (const name of smallOnes) expect(finished.indexOf(name), finished.join(", ")).toBeLessThan(firstBig);
    expect(finished.slice(5)).toEqual(bigOnes.slice().reverse()); // the IGES (66 KB) before the 2 MB STEP

    const big = await db.part.findUniqueOrThrow({ where: { id: parts[0]!.id } });
    expect(big.status).toBe("ANALYZED");
    expect(big.analysisStage).toBeNull();
    // Priced first from the measurement: the early report was stored before the final one.
    expect(big.preliminaryAnalysisAt!.getTime()).toBeLessThanOrEqual(big.analyzedAt!.getTime());
    expect(stagesSeen.size).toBeGreaterThan(0);
    for (const stage of stagesSeen)
      expect(["reading", "measuring", "finding_features", "checking_rules"]).toContain(stage);
  }, 300_000);

  it("lets a second buyer's file go second, not behind the first buyer's twelve", async () => {
    await queue?.stop();
    queue = undefined;
    const finished: string[] = [];
    const slowFake: AnalysisPool = {
      analyze: async (_bytes, fileName) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return { ok: false, error: { code: "malformed", message: `not read: ${fileName}` } };
      },
      close: async () => undefined,
    };
    await drop([
      ...Array.from({ length: 12 }, () => ({
        name: "synth_cube20.step",
        owner: "buyer-many",
        sizeBytes: 15_000,
      })),
      // Bigger than each of the first buyer's files: only fairness puts it ahead.
      { name: "occt_rounded_cube.step", owner: "buyer-one", sizeBytes: 60_000 },
    ]);
    await runQueue(recordingPool(slowFake, finished));
    await waitUntil(async () => finished.includes("occt_rounded_cube.step"), 60_000);
    expect(finished.indexOf("occt_rounded_cube.step"), finished.join(", ")).toBeLessThanOrEqual(1);
  }, 120_000);

  /** A fake engine that answers each file only when the test lets it (its name in `release`). */
  const heldPool = () => {
    const started: string[] = [];
    const waiting = new Map<string, () => void>();
    const pool: AnalysisPool = {
      analyze: async (_bytes, fileName) => {
        started.push(fileName);
        await new Promise<void>((resolve) => waiting.set(fileName, resolve));
        return { ok: false, error: { code: "malformed", message: `not read: ${fileName}` } };
      },
      close: async () => undefined,
    };
    const release = async (fileName: string) => {
      await waitUntil(async () => waiting.has(fileName), 10_000);
      waiting.get(fileName)!();
    };
    return { pool, started, release };
  };

  /** Nothing left waiting from the tests before (the queue is stopped). */
  const clearWaiting = async () => {
    await db.part.deleteMany({ where: { status: { in: ["UPLOADED", "ANALYZING"] } } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'parts.analyze'`;
  };

  const statusOf = async (ids: string[]) =>
    (await db.part.findMany({ where: { id: { in: ids } }, orderBy: { sizeBytes: "asc" } })).map(
      (part) => part.status,
    );

  it("takes the next waiting file at once when it has analysed one, without another job (decision 0071)", async () => {
    await queue?.stop();
    queue = undefined;
    await clearWaiting();
    const finished: string[] = [];
    const fake: AnalysisPool = {
      analyze: async (_bytes, fileName) => {
        finished.push(fileName);
        return { ok: false, error: { code: "malformed", message: `not read: ${fileName}` } };
      },
      close: async () => undefined,
    };
    const parts = await drop(
      ["synth_cube20.step", "occt_rounded_cube.step", "synth_turned_stepped_shaft.step"].map((name) => ({
        name,
        owner: "drain-one",
      })),
    );
    // One job: before, it analysed one file and the queue's next fetch (after its polling pause) the next.
    const analysed = await analyzeNextPart({ db, storage, pool: fake }, parts[0]!.id);
    expect(analysed).toHaveLength(3);
    expect(await statusOf(parts.map((part) => part.id))).toEqual(["FAILED", "FAILED", "FAILED"]);
    // Smallest first, as one job at a time would have taken them.
    expect(finished).toEqual(
      ["synth_cube20.step", "occt_rounded_cube.step", "synth_turned_stepped_shaft.step"].sort(
        (a, b) =>
          readFileSync(`tests/fixtures/cad/${a}`).length - readFileSync(`tests/fixtures/cad/${b}`).length,
      ),
    );
  });

  it("stops taking files when the service stops an analysis", async () => {
    await clearWaiting();
    const interrupting: AnalysisPool = {
      analyze: async () => ({
        ok: false,
        error: { code: "interrupted", message: "The analysis service stopped." },
      }),
      close: async () => undefined,
    };
    const parts = await drop(
      ["synth_cube20.step", "occt_rounded_cube.step"].map((name) => ({ name, owner: "drain-stop" })),
    );
    const analysed = await analyzeNextPart({ db, storage, pool: interrupting }, parts[0]!.id);
    expect(analysed).toHaveLength(1);
    // Both wait again for the next worker: the interrupted one went back, the other was never taken.
    expect(await statusOf(parts.map((part) => part.id))).toEqual(["UPLOADED", "UPLOADED"]);
    // The queue stopping (pg-boss waits for running jobs) ends the job after its file, too.
    const failing: AnalysisPool = {
      analyze: async () => ({ ok: false, error: { code: "malformed", message: "not read" } }),
      close: async () => undefined,
    };
    const stopping = { retryCount: 0, retryLimit: 0, stopping: () => true };
    expect(await analyzeNextPart({ db, storage, pool: failing }, parts[0]!.id, stopping)).toHaveLength(1);
    expect(await statusOf(parts.map((part) => part.id))).toEqual(["FAILED", "UPLOADED"]);
    await db.part.deleteMany({ where: { id: { in: parts.map((part) => part.id) } } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'parts.analyze'`;
  });

  it("keeps one of two workers for small files while a big one is analysed (decision 0071)", async () => {
    await clearWaiting();
    const lanes = createAnalysisLanes({ workers: 2, bigFileBytes: 512 * 1024 });
    const held = heldPool();
    const now = Date.now();
    // Two big files that waited long enough to go before any new file, and a small file dropped now.
    const [bigFirst, bigSecond, small] = await drop([
      {
        name: "synth_cube20.step",
        owner: "lane-a",
        sizeBytes: 2_000_000,
        createdAt: new Date(now - 120_000),
      },
      {
        name: "occt_rounded_cube.step",
        owner: "lane-b",
        sizeBytes: 3_000_000,
        createdAt: new Date(now - 90_000),
      },
      { name: "synth_turned_stepped_shaft.step", owner: "lane-c", sizeBytes: 20_000 },
    ]);
    const order = (await waitingPartsInOrder(db, { halfLifeSeconds: 5, limit: 10 })).map((part) => part.id);
    expect(order).toEqual([bigFirst!.id, bigSecond!.id, small!.id]);
    // Worker one takes the first big file and holds it.
    const first = analyzeNextPart({ db, storage, pool: held.pool, lanes }, bigFirst!.id);
    await waitUntil(async () => held.started.length === 1, 10_000);
    expect(held.started).toEqual(["synth_cube20.step"]);
    // Worker two passes the second big file (first in line) for the small one.
    const second = analyzeNextPart({ db, storage, pool: held.pool, lanes }, bigSecond!.id);
    await waitUntil(async () => held.started.length === 2, 10_000);
    expect(held.started[1]).toBe("synth_turned_stepped_shaft.step");
    await held.release("synth_turned_stepped_shaft.step");
    // With only the big file left and the big lane taken, worker two leaves it for worker one.
    expect(await second).toEqual([small!.id]);
    expect((await db.part.findUniqueOrThrow({ where: { id: bigSecond!.id } })).status).toBe("UPLOADED");
    // Worker one, done with its big file, takes the second at once.
    await held.release("synth_cube20.step");
    await held.release("occt_rounded_cube.step");
    expect(await first).toEqual([bigFirst!.id, bigSecond!.id]);
    await db.part.deleteMany({ where: { id: { in: [bigFirst!.id, bigSecond!.id, small!.id] } } });
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'parts.analyze'`;
  });
});
