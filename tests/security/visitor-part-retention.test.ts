import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { purgeUnclaimedVisitorParts } from "../../lib/parts/purge-unclaimed-visitor-parts";
import { listStorageByCompany } from "../../lib/parts/list-storage-by-company";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "../integration/setup/test-prisma";

const dayMs = 24 * 3600_000;

describe("unclaimed visitor parts are deleted after the retention period (issue 16, item 6)", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  const now = new Date("2026-12-05T03:37:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs);

  const storedPart = async (
    content: string,
    data: { createdAt: Date; companyId?: string; visitorToken?: string },
  ) => {
    const stored = await storage.put(Readable.from([Buffer.from(content)]), { maxBytes: 1024 });
    const mesh = await storage.put(Readable.from([Buffer.from(`mesh of ${content}`)]), { maxBytes: 1024 });
    return db.part.create({
      data: {
        originalFileName: `${content}.stl`,
        storageKey: stored.key,
        contentSha256: stored.sha256,
        sizeBytes: BigInt(stored.sizeBytes),
        displayMeshKey: mesh.key,
        format: "STL",
        status: "ANALYZED",
        ...data,
      },
    });
  };

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "retention-"));
    storage = createLocalFileStorage(directory);
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  it("deletes old unclaimed parts and their files, keeping claimed, young, requested and shared ones", async () => {
    const old = await storedPart("old visitor part", { createdAt: daysAgo(31), visitorToken: "v1" });
    const young = await storedPart("young visitor part", { createdAt: daysAgo(29), visitorToken: "v1" });
    const claimed = await storedPart("claimed part", {
      createdAt: daysAgo(400),
      companyId: "seed_company_acme",
    });
    const requested = await storedPart("asked for a manual quote", {
      createdAt: daysAgo(31),
      visitorToken: "v2",
    });
    await db.manualQuoteRequest.create({
      data: { partId: requested.id, contactEmail: "visitor@example.com", options: {}, notes: "" },
    });
    // The same bytes as a company's part: the file is shared and must stay for the company.
    const sharedOld = await storedPart("claimed part", { createdAt: daysAgo(60), visitorToken: "v3" });
    await db.visitorUpload.createMany({
      data: [
        { visitorToken: "v1", clientAddress: "192.0.2.9", sizeBytes: 10n, createdAt: daysAgo(3) },
        { visitorToken: "v1", clientAddress: "192.0.2.9", sizeBytes: 10n, createdAt: daysAgo(0.5) },
      ],
    });

    const result = await purgeUnclaimedVisitorParts(db, storage, { retentionDays: 30, now });

    const remaining = (await db.part.findMany({ select: { id: true } })).map((part) => part.id).sort();
    expect(remaining).toEqual([young.id, claimed.id, requested.id].sort());
    expect(await storage.exists(old.storageKey)).toBe(false);
    expect(await storage.exists(old.displayMeshKey!)).toBe(false);
    expect(await storage.exists(claimed.storageKey)).toBe(true); // shared with sharedOld, which went
    expect(await storage.exists(sharedOld.storageKey)).toBe(true);
    expect(await storage.exists(requested.storageKey)).toBe(true);
    // old's file and mesh; sharedOld's file and mesh are also claimed's, so they stay.
    expect(result).toEqual({ deletedParts: 2, deletedFiles: 2 });
    expect(await db.visitorUpload.count()).toBe(1);

    // A second run finds nothing more to do.
    expect(await purgeUnclaimedVisitorParts(db, storage, { retentionDays: 30, now })).toEqual({
      deletedParts: 0,
      deletedFiles: 0,
    });
  });

  it("undoes an upload whose file the clean-up deleted between storing it and recording the part", async () => {
    const before = await db.part.count();
    // The clean-up removing an old part with the same bytes strikes right after the file is stored.
    const racing: FileStorage = {
      ...storage,
      put: async (body, options) => {
        const stored = await storage.put(body, options);
        await storage.delete(stored.key);
        return stored;
      },
    };
    const queued: unknown[] = [];
    await expect(
      storePartUpload(
        { db, storage: racing, queue: { send: async (...args: unknown[]) => (queued.push(args), "job") } },
        {
          body: Readable.from([Buffer.from("solid a\nendsolid a\n")]),
          fileName: "same-bytes.stl",
          owner: { companyId: "seed_company_acme", userId: "seed_user_anna" },
        },
      ),
    ).rejects.toMatchObject({
      code: "service_unavailable",
      message: expect.stringContaining("upload it again"),
    });
    expect(await db.part.count()).toBe(before);
    expect(queued).toEqual([]);
  });

  it("shows operations the storage per company, visitors as a row of their own", async () => {
    const rows = await listStorageByCompany(db);
    const acme = rows.find((row) => row.companyId === "seed_company_acme");
    const visitors = rows.find((row) => row.companyId === null);
    expect(acme).toMatchObject({ name: expect.stringContaining("Acme"), parts: expect.any(Number) });
    expect(acme!.bytes).toBeGreaterThan(0);
    expect(visitors).toMatchObject({ name: "Visitors (not claimed yet)" });
  });
});
