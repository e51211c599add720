import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { toPartSummary } from "../../lib/parts/part-summary";
import { compareStoredPart } from "../../lib/quotes/price-stored-part";
import type { QuoteOptionsInput } from "../../lib/quotes/quote-options-schema";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna } from "../fixtures/acme-orders";
import { syntheticReport } from "../fixtures/synthetic-report";
import { createTestPrisma } from "./setup/test-prisma";

/**
 * Issue 22 (docs/decisions/0049): the first price comes from the measurement before features, marked
 * preliminary; nothing can be saved, put in the cart or ordered from it.
 */
describe("the preliminary price", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  const measured = syntheticReport({ sizeMm: [80, 40, 12], volumeMm3: 30_000, areaMm2: 9_000, setups: 1 });
  const partWithEarlyReport = () =>
    db.part.create({
      data: {
        originalFileName: "bracket.step",
        storageKey: "sha256/00/" + "0".repeat(64),
        contentSha256: "0".repeat(64),
        sizeBytes: 1000n,
        format: "STEP",
        status: "ANALYZING",
        analysisStartedAt: new Date(),
        analysisStage: "finding_features",
        preliminaryAnalysis: measured as never,
        preliminaryAnalysisAt: new Date(),
        companyId: acme,
      },
    });

  it("is shown while features are checked, marked preliminary, with the engine's step", async () => {
    const part = await partWithEarlyReport();
    const comparison = await compareStoredPart(db, part, 1, "2026-12-07", undefined, {
      allowPreliminary: true,
    });
    expect(comparison.preliminary).toBe(true);
    expect(comparison.priced.length).toBeGreaterThan(0);
    expect(toPartSummary(part, null)).toMatchObject({
      status: "ANALYZING",
      analysisStage: "finding_features",
      preliminary: true,
    });
  });

  it("cannot be saved as a quote (so neither carted nor ordered) until the final analysis is stored", async () => {
    const part = await partWithEarlyReport();
    const options = { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 } as QuoteOptionsInput;
    await expect(saveQuote(db, anna, part.id, options)).rejects.toMatchObject({
      code: "invalid_state_transition",
    });
    // Without the permission to use it, a comparison does not take the early report either.
    await expect(compareStoredPart(db, part, 1, "2026-12-07")).rejects.toMatchObject({
      code: "invalid_state_transition",
    });

    await db.part.update({
      where: { id: part.id },
      data: { status: "ANALYZED", analysis: measured as never, analysisStage: null, analyzedAt: new Date() },
    });
    const quote = await saveQuote(db, anna, part.id, options);
    expect(quote.partId).toBe(part.id);
    const final = await db.part.findUniqueOrThrow({ where: { id: part.id } });
    expect(
      (await compareStoredPart(db, final, 1, "2026-12-07", undefined, { allowPreliminary: true }))
        .preliminary,
    ).toBe(false);
  });
});
