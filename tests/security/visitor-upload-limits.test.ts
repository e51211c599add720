import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { errorResponseFor } from "../../lib/errors/error-response";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { storePartUpload, type PartOwner } from "../../lib/parts/store-part-upload";
import type { UploadLimits } from "../../lib/parts/upload-limits";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "../integration/setup/test-database";
import { createPrismaClient } from "../../lib/db/prisma";

/** A body of `totalBytes` in 16 KB chunks that records how much of it was ever pulled. */
function meteredBody(totalBytes: number) {
  const meter = { pulledBytes: 0 };
  const chunk = Buffer.alloc(16 * 1024, 0x61);
  const stream = Readable.from(
    (function* () {
      for (let sent = 0; sent < totalBytes; sent += chunk.length) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        meter.pulledBytes += piece.length;
        yield piece;
      }
    })(),
  );
  return { stream, meter };
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe("upload limits (issue 16, item 6)", () => {
  let db: Database;
  let otherProcess: Database;
  let queue: JobQueue;
  let storage: FileStorage;
  let directory: string;
  const limits: UploadLimits = {
    maxBytes: 64 * 1024,
    visitorFilesPerHour: 3,
    visitorBytesPerDay: 160 * 1024,
  };
  let visitorCounter = 0;
  const newVisitor = (clientAddress = `198.51.100.${++visitorCounter}`) => ({
    visitorToken: `visitor-${visitorCounter}-${Math.random().toString(36).slice(2)}`,
    clientAddress,
  });
  const upload = (
    owner: PartOwner,
    bytes: number,
    options: { declared?: boolean; name?: string; limits?: Partial<UploadLimits> } = {},
  ) => {
    const { stream, meter } = meteredBody(bytes);
    const result = storePartUpload(
      { db, storage, queue },
      {
        body: stream,
        fileName: options.name ?? "bracket.stl",
        owner,
        declaredBytes: options.declared ? bytes : undefined,
        limits: { ...limits, ...options.limits },
      },
    );
    return { result, meter };
  };

  beforeAll(async () => {
    const url = await createTestDatabase();
    db = createPrismaClient(url);
    otherProcess = createPrismaClient(url);
    await seedDatabase(db);
    queue = await startJobQueue(url, pino({ level: "silent" }));
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "upload-limits-"));
    storage = createLocalFileStorage(directory);
  });
  afterAll(async () => {
    await queue.stop();
    await db.$disconnect();
    await otherProcess.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.part.deleteMany({});
    await db.visitorUpload.deleteMany({});
    await fs.rm(directory, { recursive: true, force: true });
    await fs.mkdir(directory, { recursive: true });
  });

  it("honours UPLOAD_MAX_BYTES: stops reading a longer body just past the limit and keeps no file and no part", async () => {
    const { result, meter } = upload(newVisitor(), 10 * 1024 * 1024);
    const error = await result.catch((caught: unknown) => caught);
    const { status, body } = errorResponseFor(error);
    expect(status).toBe(413);
    expect(body.error.message).toContain("64 KB");
    expect(meter.pulledBytes).toBeLessThan(limits.maxBytes + 256 * 1024);
    expect(await filesUnder(directory)).toEqual([]);
    expect(await db.part.count()).toBe(0);
  });

  it("refuses a declared size over the limit before reading a byte", async () => {
    const { result, meter } = upload(newVisitor(), 10 * 1024 * 1024, { declared: true });
    await expect(result).rejects.toMatchObject({ code: "payload_too_large" });
    expect(meter.pulledBytes).toBe(0);
    expect(await db.visitorUpload.count()).toBe(0);
  });

  it("limits files per hour per visitor, and per address across visitors, with when to try again", async () => {
    const visitor = newVisitor("203.0.113.50");
    for (let index = 0; index < 3; index++) await upload(visitor, 1024).result;
    const error = await upload(visitor, 1024).result.catch((caught: unknown) => caught);
    const { status, body } = errorResponseFor(error);
    expect(status).toBe(429);
    expect(body.error.message).toMatch(/3 files per hour.*Try again in \d+ minutes/);
    expect(body.error.details?.retryAfterSeconds).toBeGreaterThan(3000);
    // A fresh cookie from the same address does not escape the per-address limit…
    await expect(upload(newVisitor("203.0.113.50"), 1024).result).rejects.toMatchObject({
      code: "rate_limited",
    });
    // …while another visitor from another address is not affected, nor is a signed-in buyer.
    await expect(upload(newVisitor("203.0.113.51"), 1024).result).resolves.toMatchObject({
      status: "UPLOADED",
      uploaderAddress: "203.0.113.51",
    });
    await expect(
      upload({ companyId: "seed_company_acme", userId: "seed_user_anna" }, 1024).result,
    ).resolves.toMatchObject({ companyId: "seed_company_acme", uploaderAddress: null });
    expect(await db.part.count({ where: { uploaderAddress: "203.0.113.50" } })).toBe(3);
  });

  it("counts IPv6 clients by their /64: new addresses and cookies from one prefix share the quota", async () => {
    for (let index = 1; index <= 3; index++) await upload(newVisitor(`2001:db8:77:1::${index}`), 1024).result;
    await expect(upload(newVisitor("2001:db8:77:1:ffff::9"), 1024).result).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(upload(newVisitor("2001:db8:77:2::1"), 1024).result).resolves.toMatchObject({
      uploaderAddress: "2001:db8:77:2::1",
    });
  });

  it("counts parallel uploads atomically: of 12 sent at once, exactly the hourly 3 are stored", async () => {
    const visitor = newVisitor();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) => upload(visitor, 1000 + index).result),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes.filter((entry) => entry.status === "rejected"))
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "rate_limited" });
    expect(await db.part.count()).toBe(3);
  });

  it("keeps a busy address from emptying the connection pool: another address's upload goes through meanwhile", async () => {
    // Another process (or a slow request) holds the office's address lock for a while…
    const office = "203.0.113.80";
    let releaseHolder!: () => void;
    const holderReleased = new Promise<void>((resolve) => (releaseHolder = resolve));
    let holderHasLock!: () => void;
    const holderLocked = new Promise<void>((resolve) => (holderHasLock = resolve));
    const holder = otherProcess.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`visitor-upload:address:${office}`}))`;
        holderHasLock();
        await holderReleased;
      },
      { timeout: 30_000 },
    );
    await holderLocked;
    // …while 14 visitors of that office upload at once (more than the pool's 10 connections).
    const officeUploads = Array.from({ length: 14 }, (_, index) =>
      upload(newVisitor(office), 1000 + index).result.then(
        () => "stored",
        (error: { code?: string }) => error.code ?? "unknown",
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A visitor elsewhere is not starved: before, the waiting office held every connection and this
    // upload failed after Prisma's 2 s maxWait with "Unable to start a transaction in the given time".
    const elsewhere = await upload(newVisitor("198.51.100.200"), 1024).result;
    expect(elsewhere).toMatchObject({ status: "UPLOADED", uploaderAddress: "198.51.100.200" });
    releaseHolder();
    await holder;
    const outcomes = await Promise.all(officeUploads);
    expect(outcomes.filter((outcome) => outcome === "stored")).toHaveLength(3);
    expect(outcomes.filter((outcome) => outcome !== "stored")).toEqual(Array(11).fill("rate_limited"));
  });

  it("limits bytes per day as they stream: a body without (or with a lying) length stops where the quota ends", async () => {
    const visitor = newVisitor();
    const manyFiles = { visitorFilesPerHour: 10 };
    await upload(visitor, 60 * 1024, { limits: manyFiles }).result;
    await upload(visitor, 60 * 1024, { limits: manyFiles }).result; // 120 KB of 160 KB used
    const { result, meter } = upload(visitor, 60 * 1024, { name: "third.stl", limits: manyFiles });
    const error = await result.catch((caught: unknown) => caught);
    expect(errorResponseFor(error).status).toBe(429);
    expect(errorResponseFor(error).body.error.message).toContain("left of today's upload allowance");
    expect(meter.pulledBytes).toBeLessThanOrEqual(60 * 1024);
    const usage = await db.visitorUpload.aggregate({
      where: { visitorToken: visitor.visitorToken },
      _sum: { sizeBytes: true },
    });
    // What streamed counts, up to just past the quota; nothing of the refused file is kept.
    expect(Number(usage._sum.sizeBytes)).toBeGreaterThan(160 * 1024);
    expect(await db.part.count({ where: { visitorToken: visitor.visitorToken } })).toBe(2);
    expect(await filesUnder(path.join(directory, "tmp"))).toEqual([]);
    // The day is used up: even a small file is refused at once now.
    await expect(upload(visitor, 10, { declared: true, limits: manyFiles }).result).rejects.toMatchObject({
      code: "rate_limited",
      details: { limit: "bytes_per_day" },
    });
  });

  it("queues a signed-in buyer's analysis before visitors' analyses sent earlier", async () => {
    await queue.boss.purgeQueue("parts.analyze");
    const first = await upload(newVisitor(), 100).result;
    const second = await upload(newVisitor(), 200).result;
    const buyers = await upload({ companyId: "seed_company_acme", userId: "seed_user_anna" }, 300).result;
    // One at a time, as the worker takes them (a batch's rows come back in no particular order).
    const order: string[] = [];
    for (let index = 0; index < 3; index++)
      for (const job of await queue.boss.fetch<{ partId: string }>("parts.analyze"))
        order.push(job.data.partId);
    expect(order).toEqual([buyers.id, first.id, second.id]);
  });
});
