import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { jobCadFileMissing } from "../../lib/suppliers/job-cad-file-missing";
import { seedDatabase } from "../../prisma/seed";
import { acme } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

// Found on walk 7: with a job's CAD file gone from storage, the job page still offered "Download CAD
// file", and the browser saved the refusal as "cad.json" while the page said nothing.
describe("a job's CAD file gone from storage", () => {
  let db: Database;
  let directory: string;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "job-files-"));
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  it("is found before the page offers the download, and flagged for operations at once", async () => {
    const storage = createLocalFileStorage(directory);
    const partId = await createAnalysedPart(db, { companyId: acme });
    // The fixture's part names a file that was never stored.
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

    // With a file in storage, the download is offered.
    const stored = await storage.put(Readable.from([Buffer.from("the bracket")]), { maxBytes: 100 });
    expect(await jobCadFileMissing(db, storage, { id: partId, storageKey: stored.key })).toBe(false);
  });
});
