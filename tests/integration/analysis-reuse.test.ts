import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analysisEngineVersion } from "../../lib/parts/analysis-engine-version";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { storePartUpload, type PartOwner } from "../../lib/parts/store-part-upload";
import { priceStoredPart } from "../../lib/quotes/price-stored-part";
import { quoteDay } from "../../lib/quotes/quote-day";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { chunkedStream } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

// Issue 22: the same file uploaded again (same SHA-256, same engine build) is priced from the stored
// analysis at once, without an analysis job, and nothing of the other owner's comes with it.
describe("the same file uploaded again", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  let pool: AnalysisPool;
  const sent: { name: string; payload: unknown }[] = [];
  const queue = {
    send: async (name: string, payload: unknown) => {
      sent.push({ name, payload });
      return "job";
    },
  };
  const deps = () => ({ db, storage, queue: queue as never, pool });
  const acme: PartOwner = { companyId: "seed_company_acme", userId: "seed_user_anna" };
  const visitor: PartOwner = { visitorToken: "visitor-reuse", clientAddress: "203.0.113.9" };
  const upload = (fixture: string, fileName: string, owner: PartOwner) =>
    storePartUpload(deps(), {
      body: chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)),
      fileName,
      owner,
    });
  const jobsFor = (partId: string) =>
    sent.filter((job) => (job.payload as { partId?: string }).partId === partId);

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "reuse-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("is analysed at once from another company's analysis, with its own name and none of theirs", async () => {
    const first = await upload("synth_plate_4thru_1blind.step", "ACME-secret-bracket-rev7.step", acme);
    expect(first.status).toBe("UPLOADED");
    expect(jobsFor(first.id)).toHaveLength(1);
    await analyzeStoredPart(deps(), first.id);
    const source = await db.part.findUniqueOrThrow({ where: { id: first.id } });
    expect(source).toMatchObject({ status: "ANALYZED", analysisEngine: analysisEngineVersion() });
    const sourcePrice = await priceStoredPart(
      db,
      source,
      { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 },
      quoteDay(),
    );
    // Priced once for acme, so a quote of theirs exists that must not travel either.
    expect(sourcePrice.quote.ok).toBe(true);

    const startedAt = performance.now();
    const again = await upload("synth_plate_4thru_1blind.step", "my-plate.step", visitor);
    const uploadMs = performance.now() - startedAt;
    // Ready as it is returned: no job queued, nothing for a worker to do.
    expect(again).toMatchObject({
      status: "ANALYZED",
      originalFileName: "my-plate.step",
      visitorToken: "visitor-reuse",
      companyId: null,
      uploadedById: null,
      analysisVersion: source.analysisVersion,
      analysisEngine: source.analysisEngine,
      displayMeshKey: source.displayMeshKey,
      storageKey: source.storageKey,
    });
    expect(jobsFor(again.id)).toHaveLength(0);
    // The report is the engine's, with the new file's own name; the other upload's name is nowhere in it.
    const copied = again.analysis as { file: { name: string } };
    expect(copied.file.name).toBe("my-plate.step");
    expect(JSON.stringify(again.analysis)).not.toContain("ACME-secret");
    expect({ ...(again.analysis as object), file: null }).toEqual({
      ...(source.analysis as object),
      file: null,
    });
    // Its first price comes from the copy, without any analysis having run for it.
    const price = await priceStoredPart(
      db,
      again,
      { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 },
      quoteDay(),
    );
    expect(price.quote).toEqual(sourcePrice.quote);
    expect(uploadMs).toBeLessThan(5_000);
  }, 120_000);

  it("is analysed anew when the stored analysis was written by another engine build", async () => {
    await db.part.updateMany({
      where: { contentSha256: { not: "" }, status: "ANALYZED" },
      data: { analysisEngine: "1-an-older-engine" },
    });
    const part = await upload("synth_plate_4thru_1blind.step", "plate.step", visitor);
    expect(part.status).toBe("UPLOADED");
    expect(jobsFor(part.id)).toHaveLength(1);
    await analyzeStoredPart(deps(), part.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      status: "ANALYZED",
      analysisEngine: analysisEngineVersion(),
    });
  }, 120_000);

  it("is analysed anew when the only analysis of those bytes was read in a unit its buyer chose", async () => {
    const first = await upload("occt_cube10x10_binary.stl", "cube-in-inches.stl", acme);
    await db.part.update({ where: { id: first.id }, data: { assumedUnit: "INCH" } });
    await analyzeStoredPart(deps(), first.id);
    expect((await db.part.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("ANALYZED");
    const again = await upload("occt_cube10x10_binary.stl", "cube.stl", visitor);
    expect(again.status).toBe("UPLOADED");
    expect(jobsFor(again.id)).toHaveLength(1);
  });
});
