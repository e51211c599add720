import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readFileSync } from "node:fs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobHandlers } from "../../scripts/worker/job-handlers";
import { closeDatabaseNotifications } from "../../lib/db/database-notifications";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { claimPartAnalysis } from "../../lib/parts/claim-part-analysis";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { waitForPartChanges } from "../../lib/parts/wait-for-part-changes";
import { partChangeTag } from "../../lib/parts/part-change-tag";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { chunkedStream } from "../fixtures/streams";
import { createTestDatabase } from "./setup/test-database";

/** Longer than any wait below: a claim within it came from the wake-up, not from the queue's poll. */
const pollingIntervalSeconds = 120;
const visitor = { visitorToken: "visitor-wake", clientAddress: "203.0.113.9" };

/**
 * Issue 22, decision 0070: a stored part's analysis is claimed as soon as its job is sent (the workers
 * are woken by a NOTIFY), not at the queue's next poll; the page's long poll answers when the part's
 * state changes (a NOTIFY from the Part trigger), not after a fixed sleep.
 */
describe("waking the analysis when a part is stored", () => {
  let db: Database;
  let queue: JobQueue;
  let storage: FileStorage;
  let directory: string;
  let url: string;
  const claimed: { partId: string; at: number }[] = [];

  const upload = () =>
    storePartUpload(
      { db, storage, queue },
      {
        body: chunkedStream(readFileSync("tests/fixtures/cad/synth_plate_4thru_1blind.step")),
        fileName: "plate.step",
        owner: visitor,
      },
    );
  /** The part's status once it has left `from`, or after `ms` when it has not. */
  const statusAfter = async (partId: string, from: string, ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const { status } = await db.part.findUniqueOrThrow({ where: { id: partId } });
      if (status !== from || Date.now() > deadline) return status;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(async () => {
    url = await createTestDatabase();
    db = createPrismaClient(url);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "wake-"));
    storage = createLocalFileStorage(directory);
    queue = await startJobQueue(url, pino({ level: "silent" }));
    // The first part is there before the workers start: their first fetch takes it, then they sleep.
    const first = await upload();
    await queue.startWorkers(
      db,
      {
        ...jobHandlers,
        // The claim only, not the engine: what is measured is how soon the job's worker starts.
        "parts.analyze": async (jobDb, { partId }) => {
          const claim = await claimPartAnalysis(jobDb, partId, {
            workerKey: null,
            timeoutMs: 60_000,
            maxPerOwner: 100,
          });
          if (claim === "claimed") claimed.push({ partId, at: Date.now() });
        },
      },
      { pollingIntervalSeconds: { "parts.analyze": pollingIntervalSeconds } },
    );
    expect(await statusAfter(first.id, "UPLOADED", 20_000)).toBe("ANALYZING");
  });
  afterAll(async () => {
    await queue.stop();
    await closeDatabaseNotifications();
    await db.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("claims an uploaded part at once, while the workers sleep until their next poll", async () => {
    const sentAt = Date.now();
    const part = await upload();
    expect(await statusAfter(part.id, "UPLOADED", 15_000)).toBe("ANALYZING");
    expect(claimed.find((claim) => claim.partId === part.id)!.at - sentAt).toBeLessThan(
      pollingIntervalSeconds * 1000,
    );
  });

  it("claims a part whose job a transaction queued once it commits (a re-analysis, a hand-back)", async () => {
    const part = await upload();
    // As a re-analysis queues it: a second job for the part, sent in the transaction that changes it.
    await db.part.update({ where: { id: part.id }, data: { status: "FAILED" } });
    await db.$transaction(async (tx) => {
      await tx.part.update({ where: { id: part.id }, data: { status: "UPLOADED" } });
      await enqueueJobs(tx, [followUpJob("parts.analyze", { partId: part.id })]);
    });
    expect(await statusAfter(part.id, "UPLOADED", 15_000)).toBe("ANALYZING");
  });

  it("answers the page's long poll when the part's step changes, with the new step", async () => {
    const part = await db.part.create({
      data: {
        originalFileName: "bracket.step",
        storageKey: "wake-test-key",
        contentSha256: "0".repeat(64),
        sizeBytes: 1000n,
        format: "STEP",
        status: "ANALYZING",
        analysisStartedAt: new Date(),
        analysisStage: "reading",
        visitorToken: visitor.visitorToken,
      },
    });
    const tag = partChangeTag({ status: "ANALYZING", analysisStage: "reading" });
    const startedAt = Date.now();
    const answer = waitForPartChanges(db, visitor, [{ id: part.id, tag }], {
      waitMs: 10_000,
      databaseUrl: url,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.part.update({ where: { id: part.id }, data: { analysisStage: "measuring" } });
    const changes = await answer;
    expect(changes).toMatchObject([
      { id: part.id, part: { status: "ANALYZING", analysisStage: "measuring" } },
    ]);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    // Nothing changed: an empty answer after the wait. Someone else's part: gone.
    const shown = partChangeTag((changes[0] as { part: { status: string; analysisStage?: string } }).part);
    expect(
      await waitForPartChanges(db, visitor, [{ id: part.id, tag: shown }], { waitMs: 200, databaseUrl: url }),
    ).toEqual([]);
    expect(
      await waitForPartChanges(db, { visitorToken: "someone-else" }, [{ id: part.id, tag: "" }], {
        waitMs: 200,
        databaseUrl: url,
      }),
    ).toEqual([{ id: part.id, gone: true }]);
  });

  it("reads a part in line again at most once a second while other files change, and at once for its own change", async () => {
    const inLine = await db.part.create({
      data: {
        originalFileName: "waiting.step",
        storageKey: "wake-test-waiting",
        contentSha256: "1".repeat(64),
        sizeBytes: 1000n,
        format: "STEP",
        status: "UPLOADED",
        visitorToken: visitor.visitorToken,
      },
    });
    const other = await db.part.create({
      data: {
        originalFileName: "other.step",
        storageKey: "wake-test-other",
        contentSha256: "2".repeat(64),
        sizeBytes: 1000n,
        format: "STEP",
        status: "ANALYZING",
        analysisStartedAt: new Date(),
        analysisStage: "reading",
        visitorToken: "another-buyer",
      },
    });
    let reads = 0;
    const counting = db.$extends({
      query: {
        part: {
          findMany({ args, query }) {
            reads++;
            return query(args);
          },
        },
      },
    }) as unknown as Database;
    const [first] = await waitForPartChanges(counting, visitor, [{ id: inLine.id, tag: "" }], {
      waitMs: 0,
      databaseUrl: url,
    });
    const tag = partChangeTag((first as { part: Parameters<typeof partChangeTag>[0] }).part);
    reads = 0;
    const answer = waitForPartChanges(counting, visitor, [{ id: inLine.id, tag }], {
      waitMs: 2_500,
      databaseUrl: url,
    });
    // Another buyer's file goes through twelve steps in 1.2 s: each step notifies every waiting page.
    for (const stage of ["measuring", "finding_features", "checking_rules"].flatMap((step) => [
      step,
      step,
      step,
      step,
    ])) {
      await db.part.update({ where: { id: other.id }, data: { analysisStage: `${stage}-${reads}` } });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await answer).toEqual([]);
    // Before: one read for each of the twelve steps (13). Now the first, and one a second after.
    expect(reads).toBeLessThanOrEqual(4);

    // Its own change right after another file's: answered at once, not after the second.
    const ownAnswer = waitForPartChanges(db, visitor, [{ id: inLine.id, tag }], {
      waitMs: 5_000,
      databaseUrl: url,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await db.part.update({ where: { id: other.id }, data: { analysisStage: "measuring" } });
    const changedAt = Date.now();
    await db.part.update({
      where: { id: inLine.id },
      data: { status: "ANALYZING", analysisStartedAt: new Date() },
    });
    expect(await ownAnswer).toMatchObject([{ id: inLine.id, part: { status: "ANALYZING" } }]);
    expect(Date.now() - changedAt).toBeLessThan(700);
  });
});
