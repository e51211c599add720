import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { checkHealth } from "../../lib/health/check-health";
import { startJobQueue, type JobQueue } from "../../lib/jobs/job-queue";
import { holdWorkerLiveness } from "../../lib/jobs/worker-liveness";
import { checkStoredFiles } from "../../lib/storage/check-stored-files";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createTestDatabase } from "./setup/test-database";

/** Issue 22, recovery (docs/decisions/0046): what /api/health reports, and the daily storage check. */
describe("health and stored files", () => {
  let db: Database;
  let queue: JobQueue;
  let storage: FileStorage;
  let directory: string;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    db = createPrismaClient(databaseUrl);
    queue = await startJobQueue(databaseUrl, pino({ level: "silent" }));
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "health-"));
    storage = createLocalFileStorage(path.join(directory, "files"));
  });
  afterAll(async () => {
    await queue.stop();
    await db.$disconnect();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("names the job workers as down while none runs, and answers ok once one holds its lock", async () => {
    expect(await checkHealth(db, storage)).toMatchObject({
      status: "down",
      down: ["queue"],
      checks: { database: { status: "ok" }, queue: { detail: "no job worker is running" } },
    });
    const liveness = await holdWorkerLiveness(databaseUrl, () => undefined);
    try {
      expect(await checkHealth(db, storage)).toMatchObject({ status: "ok", down: [] });
    } finally {
      await liveness.close();
    }
  });

  it("names the database as down when it does not answer", async () => {
    const unreachable = createPrismaClient("postgresql://nobody:secret@127.0.0.1:9/none");
    try {
      const health = await checkHealth(unreachable, storage);
      expect(health.status).toBe("down");
      expect(health.down).toEqual(expect.arrayContaining(["database", "queue"]));
      expect(JSON.stringify(health)).not.toContain("secret");
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("names the storage as down when its folder takes no files", async () => {
    const blocked = path.join(directory, "not-a-folder");
    await fs.writeFile(blocked, "a file where the storage folder should be");
    const health = await checkHealth(db, createLocalFileStorage(blocked));
    expect(health.down).toContain("storage");
  });

  it("deletes old files no row names, keeps new and named ones, and flags parts whose file is gone", async () => {
    const put = (text: string) => storage.put(Readable.from([Buffer.from(text)]), { maxBytes: 1000 });
    const oldOrphan = await put("refused during an outage");
    const newOrphan = await put("an upload between its file and its row");
    const named = await put("a part's file");
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    for (const file of [oldOrphan, named])
      await fs.utimes(path.join(directory, "files", file.key), twoDaysAgo, twoDaysAgo);
    const part = (key: string, sha256: string) =>
      db.part.create({
        data: {
          originalFileName: "p.step",
          storageKey: key,
          contentSha256: sha256,
          sizeBytes: 10n,
          format: "STEP",
          visitorToken: "visitor-storage",
        },
      });
    const kept = await part(named.key, named.sha256);
    const lost = await part(`sha256/ab/${"ab".repeat(32)}`, "ab".repeat(32));

    const result = await checkStoredFiles(db, storage, { orphanGraceHours: 24 });
    expect(result).toMatchObject({ orphansDeleted: 1, partsMissingFile: 1 });
    expect(await storage.exists(oldOrphan.key)).toBe(false);
    expect(await storage.exists(newOrphan.key)).toBe(true);
    expect(await storage.exists(named.key)).toBe(true);
    expect((await db.part.findUniqueOrThrow({ where: { id: lost.id } })).fileMissingSince).toBeInstanceOf(
      Date,
    );
    expect((await db.part.findUniqueOrThrow({ where: { id: kept.id } })).fileMissingSince).toBeNull();
  });
});
