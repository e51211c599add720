import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { currentAnalysis } from "../../lib/parts/current-analysis";
import { requestReanalysis } from "../../lib/parts/request-reanalysis";
import { analysisContractVersion } from "../../quoting-engine/analysis/analyze-file";
import { analysisResultsRevision } from "../../quoting-engine/analysis/analysis-results-revision";
import { decodeDisplayMesh } from "../../lib/parts/display-mesh-codec";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { chunkedStream, readAll } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

describe("uploading and analysing a part", () => {
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
  const upload = (fixture: string, fileName = fixture) =>
    storePartUpload(deps(), {
      body: chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)),
      fileName,
      owner: { visitorToken: "visitor-1", clientAddress: "203.0.113.7" },
    });

  beforeAll(async () => {
    db = await createTestPrisma();
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "parts-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("stores the file, records the part for the visitor and queues its analysis", async () => {
    const part = await upload("synth_plate_4thru_1blind.step", "C:\\work\\plate.step");
    expect(part).toMatchObject({
      originalFileName: "plate.step",
      format: "STEP",
      status: "UPLOADED",
      visitorToken: "visitor-1",
      companyId: null,
    });
    expect(await storage.exists(part.storageKey)).toBe(true);
    expect(sent.at(-1)).toEqual({ name: "parts.analyze", payload: { partId: part.id } });
  });

  it("takes a file without a CAD extension by its content and says so", async () => {
    // Walk6: trimesh's box_sides.STEP saved as "box_sides" was refused for its name (decision 0110).
    const part = await upload("synth_plate_4thru_1blind.step", "plate rev B");
    expect(part).toMatchObject({ originalFileName: "plate rev B", format: "STEP", status: "UPLOADED" });
    await analyzeStoredPart(deps(), part.id);
    const analysed = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(
      (analysed.analysis as { notices: { message: string }[] }).notices.map((notice) => notice.message),
    ).toContain("Read as STEP (the name had no extension).");
    // The same bytes again: a copied analysis never carries another name's notice.
    const named = await upload("synth_plate_4thru_1blind.step", "plate.step");
    if (named.status !== "ANALYZED") await analyzeStoredPart(deps(), named.id);
    const report = (await db.part.findUniqueOrThrow({ where: { id: named.id } })).analysis as {
      notices: { code: string }[];
    };
    expect(report.notices.map((notice) => notice.code)).not.toContain("format_from_content");
  });

  it("analyses it: the report on the part, the display mesh in storage, and a second run changes nothing", async () => {
    const part = await upload("synth_plate_4thru_1blind.step");
    await analyzeStoredPart(deps(), part.id);
    const analysed = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(analysed).toMatchObject({ status: "ANALYZED", analysisVersion: 1, failureCode: null });
    const report = analysed.analysis as { volumeMm3: number; features: { holes: unknown[] } };
    expect(report.volumeMm3).toBeCloseTo(58329.9293, 3);
    expect(report.features.holes).toHaveLength(5);
    const mesh = decodeDisplayMesh(
      new Uint8Array(await readAll(await storage.get(analysed.displayMeshKey!))),
    );
    expect(mesh.faceIds.length).toBe(mesh.indices.length / 3);
    // The wall thickness map rides along for the viewer's heat map; the report summarises it per process.
    expect(mesh.wallThicknessMm).toHaveLength(mesh.indices.length / 3);
    expect(
      (analysed.analysis as { features: { wallThickness?: unknown } }).features.wallThickness,
    ).toMatchObject({
      processes: expect.arrayContaining([expect.objectContaining({ process: "fdm", areaBelowMm2: 0 })]),
    });
    await analyzeStoredPart(deps(), part.id);
    expect((await db.part.findUniqueOrThrow({ where: { id: part.id } })).updatedAt).toEqual(
      analysed.updatedAt,
    );
  }, 60_000);

  it("sends a part analysed by an older engine back to the job once, and reads it again once re-analysed", async () => {
    const part = await upload("synth_plate_4thru_1blind.step");
    await analyzeStoredPart(deps(), part.id);
    await db.part.update({ where: { id: part.id }, data: { analysisVersion: 0 } });
    const outdated = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    const jobsBefore = sent.length;

    // Two readers at the same moment: one sends the job, neither uses the old report.
    const reads = await Promise.all([
      currentAnalysis(db, outdated, async () => queue as never),
      currentAnalysis(db, outdated, async () => queue as never),
    ]);
    expect(reads).toEqual([null, null]);
    expect(sent.slice(jobsBefore)).toEqual([{ name: "parts.analyze", payload: { partId: part.id } }]);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      status: "ANALYZING",
    });

    await analyzeStoredPart(deps(), part.id);
    const reanalysed = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(reanalysed).toMatchObject({ status: "ANALYZED", analysisVersion: analysisContractVersion });
    expect((await currentAnalysis(db, reanalysed, async () => queue as never))?.volumeMm3).toBeCloseTo(
      58329.9293,
      3,
    );
    expect(sent.length).toBe(jobsBefore + 1);
  }, 60_000);

  it("analyses a part written by an older revision of the engine's results again, once (decision 0092)", async () => {
    const part = await upload("synth_plate_4thru_1blind.step");
    await analyzeStoredPart(deps(), part.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      analysisRevision: analysisResultsRevision,
    });
    // As the migration marks every analysis stored before the revision was recorded.
    const older = await db.part.update({
      where: { id: part.id },
      data: { analysisRevision: analysisResultsRevision - 1 },
    });
    const jobsBefore = sent.length;
    expect(await currentAnalysis(db, older, async () => queue as never)).toBeNull();
    expect(await currentAnalysis(db, older, async () => queue as never)).toBeNull();
    expect(sent.slice(jobsBefore)).toEqual([{ name: "parts.analyze", payload: { partId: part.id } }]);
    await analyzeStoredPart(deps(), part.id);
    const reanalysed = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(reanalysed).toMatchObject({ status: "ANALYZED", analysisRevision: analysisResultsRevision });
    expect(await currentAnalysis(db, reanalysed, async () => queue as never)).not.toBeNull();
    expect(sent.length).toBe(jobsBefore + 1);
  }, 60_000);

  it("leaves an outdated part to be asked again when the queue refuses the job", async () => {
    const part = await upload("synth_cube20_ascii.stl", "cube.stl");
    await analyzeStoredPart(deps(), part.id);
    const outdated = await db.part.update({ where: { id: part.id }, data: { analysisVersion: 0 } });
    const refusing = async () => ({
      send: async () => {
        throw new Error("queue down");
      },
    });
    expect(await requestReanalysis({ db, queue: refusing }, outdated)).toBe(false);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({ status: "ANALYZED" });
    expect(await requestReanalysis({ db, queue: async () => queue as never }, outdated)).toBe(true);
  }, 60_000);

  it("corrects the format from the content: an STL named .obj is an STL", async () => {
    const part = await upload("synth_cube20_ascii.stl", "cube.obj");
    await analyzeStoredPart(deps(), part.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      status: "ANALYZED",
      format: "STL",
    });
  }, 60_000);

  it("ends a broken file as FAILED with the engine's message for the buyer", async () => {
    const part = await upload("truncated_binary_plate.stl");
    await analyzeStoredPart(deps(), part.id);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({
      status: "FAILED",
      failureCode: "truncated",
      failureMessage: expect.stringMatching(/.+/),
      analysis: null,
    });
  }, 60_000);

  it("refuses a file that is not CAD, or empty, and records nothing", async () => {
    const before = await db.part.count();
    await expect(
      storePartUpload(deps(), {
        body: chunkedStream(Buffer.from("hello")),
        fileName: "notes.txt",
        owner: { visitorToken: "v", clientAddress: "203.0.113.7" },
      }),
    ).rejects.toMatchObject({
      code: "unsupported_media_type",
      // Told by the content, not the name (decision 0110).
      message: expect.stringContaining(
        '"notes.txt" is not a CAD file we read: its content is not STEP, IGES',
      ),
    });
    await expect(
      storePartUpload(deps(), {
        body: chunkedStream(Buffer.alloc(0)),
        fileName: "empty.step",
        owner: { visitorToken: "v", clientAddress: "203.0.113.7" },
      }),
    ).rejects.toMatchObject({ code: "validation_failed", message: expect.stringContaining("empty") });
    expect(await db.part.count()).toBe(before);
  });
});
