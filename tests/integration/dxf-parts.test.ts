import { readFileSync } from "node:fs";
import DxfParser from "dxf-parser";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { matchWaitingLines } from "../../lib/matching/match-waiting-lines";
import { acceptOffer } from "../../lib/matching/respond-to-offer";
import { placeOrder } from "../../lib/orders/place-order";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { openJobFlatPattern } from "../../lib/suppliers/open-job-flat-pattern";
import { chooseSheetThickness } from "../../lib/parts/choose-sheet-thickness";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { compareStoredPart, priceStoredPart } from "../../lib/quotes/price-stored-part";
import { saveQuote } from "../../lib/quotes/save-quote";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import { acme, acmeInvoiceCheckout, anna } from "../fixtures/acme-orders";
import { chunkedStream } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

const today = "2026-12-07";
const plateBytes = readFileSync("tests/fixtures/cad/laser_plate_160x90.dxf");

describe("a DXF drawing of a flat part, uploaded and priced as laser cutting (issue 23)", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  let pool: AnalysisPool;
  const queue = { send: async () => "job" };

  async function upload(
    bytes: Buffer,
    fileName: string,
    owner: Parameters<typeof storePartUpload>[1]["owner"],
  ) {
    const part = await storePartUpload(
      { db, storage, queue: queue as never },
      { body: chunkedStream(bytes), fileName, owner },
    );
    await analyzeStoredPart({ db, storage, pool }, part.id);
    return db.part.findUniqueOrThrow({ where: { id: part.id } });
  }
  const sheetOf = (analysis: unknown) => (analysis as AnalysisReport).sheetMetal;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "dxf-parts-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("takes the drawing, prices it at 2 mm as laser cutting alone, and re-prices it at the buyer's 3 mm without a new upload", async () => {
    const part = await upload(plateBytes, "plate.dxf", { companyId: acme, userId: anna.userId });
    expect(part).toMatchObject({ status: "ANALYZED", format: "DXF", sheetThicknessMm: null });
    expect(sheetOf(part.analysis)).toMatchObject({ ok: true, thicknessMm: 2, bends: [] });

    const comparison = await compareStoredPart(db, part, 10, today);
    expect(comparison.priced.map((quote) => quote.process)).toEqual(["laser_cutting"]);

    // A quote in the cart at 2 mm is withdrawn when the thickness changes: its price was for 2 mm.
    const quote = await saveQuote(
      db,
      anna,
      part.id,
      { process: "laser_cutting", materialCode: "DC01", quantity: 10 } as never,
      today,
    );
    await addQuoteToCart(db, anna, quote.id);
    const chosen = await chooseSheetThickness(db, { companyId: acme }, part.id, 3);
    expect(chosen).toEqual({ changed: true, supersededQuotes: 1, removedCartLines: 1 });

    const after = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(after).toMatchObject({ status: "ANALYZED", sheetThicknessMm: 3 });
    expect(sheetOf(after.analysis)).toMatchObject({ ok: true, thicknessMm: 3 });
    expect((after.analysis as unknown as AnalysisReport).volumeMm3).toBeCloseTo(
      3 * (sheetOf(part.analysis) as { flatPattern: { areaMm2: number } }).flatPattern.areaMm2,
      3,
    );
    const steel = await priceStoredPart(
      db,
      after,
      { process: "laser_cutting", materialCode: "S235JR", quantity: 10 },
      today,
    );
    expect(steel.quote).toMatchObject({ ok: true, needsManualQuote: false, process: "laser_cutting" });
    const material = steel.quote.ok && !steel.quote.needsManualQuote ? steel.quote.breakdown[0]!.label : "";
    expect(material).toContain("3 mm: blank 160 × 90 mm");

    // The same thickness again changes nothing; another buyer's choice is no source for a copied analysis.
    expect(await chooseSheetThickness(db, { companyId: acme }, part.id, 3)).toMatchObject({ changed: false });
    const again = await upload(plateBytes, "plate-again.dxf", {
      visitorToken: "dxf-visitor",
      clientAddress: "203.0.113.23",
    });
    expect(sheetOf(again.analysis)).toMatchObject({ ok: true, thicknessMm: 2 });
  }, 120_000);

  it("answers not_found to anyone but the owner, and refuses a thickness for a 3D model", async () => {
    const part = await upload(plateBytes, "plate.dxf", { companyId: acme, userId: anna.userId });
    await expect(chooseSheetThickness(db, { visitorToken: "someone" }, part.id, 3)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(chooseSheetThickness(db, { companyId: acme }, part.id, 0.2)).rejects.toMatchObject({
      code: "validation_failed",
    });
    const model = await upload(readFileSync("tests/fixtures/cad/synth_block_fillets_R5.step"), "block.step", {
      companyId: acme,
      userId: anna.userId,
    });
    await expect(chooseSheetThickness(db, { companyId: acme }, model.id, 3)).rejects.toMatchObject({
      code: "conflict",
    });
  }, 120_000);

  it("fails a drawing whose outline is open with where it is open, so the buyer can fix it or ask for a quote", async () => {
    const lines = plateBytes.toString("utf8").split(/\r?\n/);
    const first = lines.indexOf("LINE");
    const next = lines.findIndex(
      (line, index) => index > first && index % 2 !== first % 2 && line.trim() === "0",
    );
    const open = Buffer.from([...lines.slice(0, first - 1), ...lines.slice(next)].join("\n"));
    const part = await upload(open, "open.dxf", { companyId: acme, userId: anna.userId });
    expect(part).toMatchObject({
      status: "FAILED",
      failureCode: "open_contour",
      failureMessage: expect.stringMatching(/^The contour is open near \(.+\) mm: join the lines/),
    });
  }, 120_000);

  it("gives the partner who accepted the laser job the flat pattern as DXF at the chosen thickness, and nobody else", async () => {
    const part = await upload(plateBytes, "bracket-plate.dxf", { companyId: acme, userId: anna.userId });
    await chooseSheetThickness(db, { companyId: acme }, part.id, 3);
    const analysed = (await db.part.findUniqueOrThrow({ where: { id: part.id } }))
      .analysis as unknown as AnalysisReport;
    const quote = await saveQuote(db, anna, part.id, {
      process: "laser_cutting",
      materialCode: "S235JR",
      quantity: 10,
    } as never);
    await addQuoteToCart(db, anna, quote.id);
    const order = await placeOrder(db, anna, {
      ...acmeInvoiceCheckout,
    });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line.process).toBe("LASER_CUTTING");
    await matchWaitingLines(db, { orderId: order.id, trigger: "test" });
    const offer = await db.offer.findFirstOrThrow({ where: { orderLineId: line.id, status: "PENDING" } });
    // Only a partner with a laser that cuts 3 mm steel gets the line: Nowak in the demo network.
    expect(offer.supplierCompanyId).toBe("seed_company_nowak");
    const supplier = { userId: "seed_user_nowak", companyId: offer.supplierCompanyId };
    // Before acceptance the pattern does not exist for the partner.
    await expect(openJobFlatPattern(db, supplier, line.id)).rejects.toMatchObject({ code: "not_found" });
    await acceptOffer(db, supplier, offer.id);

    const { dxf, fileName } = await openJobFlatPattern(db, supplier, line.id);
    expect(fileName).toBe("bracket-plate-flat-pattern.dxf");
    const read = new DxfParser().parseSync(dxf)!;
    const contours = read.entities.filter((entity) => entity.type === "LWPOLYLINE") as unknown as {
      vertices: { x: number; y: number }[];
    }[];
    expect(contours).toHaveLength(4); // the outline and three holes
    const xs = contours.flatMap((contour) => contour.vertices.map((vertex) => vertex.x));
    const ys = contours.flatMap((contour) => contour.vertices.map((vertex) => vertex.y));
    const pattern = (analysed.sheetMetal as { flatPattern: { widthMm: number; heightMm: number } })
      .flatPattern;
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(pattern.widthMm, 2);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(pattern.heightMm, 2);
    expect([pattern.widthMm, pattern.heightMm]).toEqual([160, 90]);
    const texts = read.entities.filter((entity) => entity.type === "TEXT") as unknown as { text: string }[];
    expect(texts.map((text) => text.text)).toContain("THICKNESS 3 MM");
    expect(read.header["$INSUNITS"]).toBe(4);

    // Another supplier, and the buyer's company, find no such job.
    await expect(
      openJobFlatPattern(db, { userId: "seed_user_mueller", companyId: "seed_company_mueller" }, line.id),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      openJobFlatPattern(db, { userId: anna.userId, companyId: acme }, line.id),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  }, 120_000);
});
