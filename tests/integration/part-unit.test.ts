import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { switchPartUnit } from "../../lib/parts/switch-part-unit";
import { saveQuote } from "../../lib/quotes/save-quote";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import type { FileStorage } from "../../lib/storage/file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { acme, anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { chunkedStream } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

describe("switching the unit of an STL part (docs/decisions/0037)", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  let pool: AnalysisPool;
  const sent: { name: string; payload: unknown }[] = [];
  const queue = async () => ({
    send: async (name: string, payload: unknown) => {
      sent.push({ name, payload });
      return "job";
    },
  });
  const deps = () => ({ db, storage, queue: queue as never, pool });
  const visitor = { visitorToken: "visitor-units" };

  async function analysedUpload(owner: Parameters<typeof storePartUpload>[1]["owner"], fixture: string) {
    const part = await storePartUpload(
      { db, storage, queue: (await queue()) as never },
      { body: chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)), fileName: fixture, owner },
    );
    await analyzeStoredPart(deps(), part.id);
    return part.id;
  }
  const report = async (partId: string) =>
    (await db.part.findUniqueOrThrow({ where: { id: partId } })).analysis as unknown as AnalysisReport;
  const size = (analysis: AnalysisReport) =>
    analysis.bbox.max.map((value, axis) => value - analysis.bbox.min[axis]!);

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "part-unit-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("re-analyses the stored file in inches without a new upload, and keeps the unit on the part", async () => {
    const partId = await analysedUpload(
      { ...visitor, clientAddress: "203.0.113.9" },
      "units_block_drawn_in_inches.stl",
    );
    const before = await report(partId);
    expect(before.suggestedUnit).toBe("inch");
    expect(size(before)[0]).toBeCloseTo(2, 6);

    const answer = await switchPartUnit({ db, queue: queue as never }, visitor, partId, "inch");
    expect(answer).toEqual({ changed: true, supersededQuotes: 0, removedCartLines: 0 });
    expect(await db.part.findUniqueOrThrow({ where: { id: partId } })).toMatchObject({
      status: "ANALYZING",
      assumedUnit: "INCH",
    });
    expect(sent.at(-1)).toEqual({ name: "parts.analyze", payload: { partId } });

    await analyzeStoredPart(deps(), partId);
    const after = await report(partId);
    size(after).forEach((edge, axis) => expect(edge).toBeCloseTo([50.8, 38.1, 12.7][axis]!, 4));
    expect(after.sourceUnit).toBe("inch");
    expect(after.notices.map((notice) => notice.code)).toContain("units_chosen");

    // The same unit again changes nothing and sends nothing.
    const jobs = sent.length;
    expect(await switchPartUnit({ db, queue: queue as never }, visitor, partId, "inch")).toMatchObject({
      changed: false,
    });
    expect(sent.length).toBe(jobs);
  }, 60_000);

  it("answers not_found to anyone but the part's owner", async () => {
    const partId = await analysedUpload(
      { ...visitor, clientAddress: "203.0.113.9" },
      "units_block_drawn_in_metres.stl",
    );
    await expect(
      switchPartUnit({ db, queue: queue as never }, { visitorToken: "someone-else" }, partId, "m"),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      switchPartUnit({ db, queue: queue as never }, { companyId: acme }, partId, "m"),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await db.part.findUniqueOrThrow({ where: { id: partId } })).assumedUnit).toBeNull();
  }, 60_000);

  it("supersedes the part's open quotes and takes them out of the cart, and says how many", async () => {
    const partId = await analysedUpload(
      { companyId: acme, userId: anna.userId },
      "units_block_drawn_in_inches.stl",
    );
    await switchPartUnit({ db, queue: queue as never }, { companyId: acme }, partId, "inch");
    await analyzeStoredPart(deps(), partId);
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 5,
    } as never);
    await addQuoteToCart(db, anna, quote.id);

    const answer = await switchPartUnit({ db, queue: queue as never }, { companyId: acme }, partId, "cm");
    expect(answer).toEqual({ changed: true, supersededQuotes: 1, removedCartLines: 1 });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({
      status: "SUPERSEDED",
      totalPriceCents: quote.totalPriceCents, // the price given is never rewritten
    });
    expect(await db.cartItem.count({ where: { quoteId: quote.id } })).toBe(0);
  }, 60_000);

  it("refuses a part that was ordered: the order keeps the size it was priced at", async () => {
    const { line } = await placeAcmeOrder(db);
    await db.part.update({ where: { id: line.partId }, data: { format: "STL" } });
    await expect(
      switchPartUnit({ db, queue: queue as never }, { companyId: acme }, line.partId, "inch"),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("has been ordered") });
    expect((await db.part.findUniqueOrThrow({ where: { id: line.partId } })).status).toBe("ANALYZED");
  }, 60_000);

  it("refuses a STEP part, whose file states its unit", async () => {
    const partId = await analysedUpload({ companyId: acme, userId: anna.userId }, "synth_cube20.step");
    await expect(
      switchPartUnit({ db, queue: queue as never }, { companyId: acme }, partId, "inch"),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("states its own unit") });
  }, 60_000);
});
