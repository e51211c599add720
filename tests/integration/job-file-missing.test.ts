import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { openJobFile } from "../../lib/suppliers/open-job-file";
import { jobCadFileMissing } from "../../lib/suppliers/job-cad-file-missing";
import { seedDatabase } from "../../prisma/seed";
import { acme, placeAcmeOrder } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { mueller } from "../fixtures/money-fixtures";
import { createTestPrisma } from "./setup/test-prisma";

/**
 * Issue 22, recovery: "a stored file that disappears goes unnoticed until a partner's download fails
 * without a message". The partner's download of a job whose CAD file is gone says so and what happens
 * next, and flags the part for operations at once (/ops/storage) instead of at the next daily check.
 */
describe("a partner downloading a job whose CAD file is gone", () => {
  let db: Database;
  let directory: string;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "job-files-"));
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  it("is told operations are on it, the part is flagged as missing its file, and a file that is there downloads", async () => {
    const storage = createLocalFileStorage(directory);
    const { line } = await placeAcmeOrder(db);
    await db.orderLine.update({
      where: { id: line.id },
      data: { status: "ACCEPTED", supplierCompanyId: mueller.companyId },
    });
    const reader = { userId: mueller.userId, companyId: mueller.companyId };

    // The fixture's part names a file that was never stored.
    await expect(openJobFile(db, storage, reader, line.id, "cad")).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/CAD file of this job is missing.*operations team/),
    });
    const flagged = await db.part.findUniqueOrThrow({ where: { id: line.partId } });
    expect(flagged.fileMissingSince).toBeInstanceOf(Date);

    // With the file back, it downloads (and the flag stays for the daily check to clear).
    const stored = await storage.put(Readable.from([Buffer.from("the bracket")]), { maxBytes: 100 });
    await db.part.update({ where: { id: line.partId }, data: { storageKey: stored.key } });
    const { stream, fileName } = await openJobFile(db, storage, reader, line.id, "cad");
    expect(fileName).toBe("bracket.step");
    stream.destroy();
  });

  // Found on walk 7: the job page still offered "Download CAD file", and the browser saved the refusal as
  // "cad.json" with the page unchanged. The page asks first (tests/e2e/supplier-walk.spec.ts).
  it("is found before the job page offers the download, and flagged for operations at once", async () => {
    const storage = createLocalFileStorage(directory);
    const partId = await createAnalysedPart(db, { companyId: acme });
    const part = await db.part.findUniqueOrThrow({ where: { id: partId } });
    expect(part.fileMissingSince).toBeNull();

    expect(await jobCadFileMissing(db, storage, part)).toBe(true);
    const flagged = await db.part.findUniqueOrThrow({ where: { id: partId } });
    expect(flagged.fileMissingSince).toBeInstanceOf(Date);
    // Asked again, it stays flagged since the first time.
    expect(await jobCadFileMissing(db, storage, part)).toBe(true);
    expect((await db.part.findUniqueOrThrow({ where: { id: partId } })).fileMissingSince).toEqual(
      flagged.fileMissingSince,
    );

    const stored = await storage.put(Readable.from([Buffer.from("the bracket")]), { maxBytes: 100 });
    expect(await jobCadFileMissing(db, storage, { id: partId, storageKey: stored.key })).toBe(false);
  });
});
