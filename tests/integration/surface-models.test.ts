import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { openManualQuoteFile } from "../../lib/quotes/open-manual-quote-file";
import { requestManualQuote } from "../../lib/quotes/request-manual-quote";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { chunkedStream, readAll } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

const visitor = { visitorToken: "visitor-surfaces" };

describe("surface-only CAD files (decision 0038)", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  let pool: AnalysisPool;
  const queue = { send: async () => "job" };
  const deps = () => ({ db, storage, queue: queue as never, pool });
  const uploadAndAnalyse = async (fixture: string) => {
    const part = await storePartUpload(deps(), {
      body: chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)),
      fileName: fixture,
      owner: { ...visitor, clientAddress: "203.0.113.9" },
    });
    await analyzeStoredPart(deps(), part.id);
    return db.part.findUniqueOrThrow({ where: { id: part.id } });
  };

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "surfaces-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("analyses surfaces that sew into a solid, with the sewing notice on the stored report", async () => {
    const part = await uploadAndAnalyse("surfaces_tiled_cube40.igs");
    expect(part.status).toBe("ANALYZED");
    const report = part.analysis as { volumeMm3: number; notices: { code: string; message: string }[] };
    expect(report.volumeMm3).toBeCloseTo(64000, 6);
    expect(report.notices).toContainEqual(
      expect.objectContaining({
        code: "sewn_surfaces",
        message: expect.stringMatching(/^Sewn from 146 surfaces/),
      }),
    );
  }, 60_000);

  it("fails surfaces that do not close with why, and the manual quote request carries the stored file", async () => {
    const part = await uploadAndAnalyse("surfaces_box_open_end.igs");
    expect(part).toMatchObject({
      status: "FAILED",
      failureCode: "open_surfaces",
      failureMessage: expect.stringMatching(
        /5 surfaces .* 4 open edges \(60 mm in all\).* about 10 mm across/,
      ),
    });
    const request = await requestManualQuote({ db, storage }, visitor, part.id, {
      contactEmail: "visitor@example.com",
      notes: "The end plate is a separate part; please quote the box as a closed body.",
      options: { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 5 },
    });
    const { stream, fileName } = await openManualQuoteFile(
      db,
      storage,
      {
        userId: "seed_user_olga",
        companyId: (await db.user.findUniqueOrThrow({ where: { id: "seed_user_olga" } })).companyId!,
      },
      request.id,
      "cad",
    );
    expect(fileName).toBe("surfaces_box_open_end.igs");
    expect(Buffer.from(await readAll(stream))).toEqual(
      readFileSync("tests/fixtures/cad/surfaces_box_open_end.igs"),
    );
  }, 60_000);
});
