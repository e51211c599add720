import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { withSheetMachines } from "../../lib/matching/with-sheet-machines";
import type { LineToMatch } from "../../lib/matching/rank-candidates";
import { loadPricingData } from "../../lib/pricing/load-pricing-data";
import { seedDatabase } from "../../prisma/seed";
import type { SheetMetalOk } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";
import { sheetAtMaterialKFactor } from "../../quoting-engine/pricing/sheet-metal/sheet-at-material-k-factor";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestPrisma } from "./setup/test-prisma";

// Issue 23 (docs/decisions/0058): pricing sizes a bent part's blank at the ordered material's K-factor;
// the matcher must check the partners' lasers against that same blank, not the analysis's (0.44).
// An L bracket of 2 mm sheet, one 90° bend across a 100 mm bend line, unfolded by the analysis at 0.44.
const lBracket: SheetMetalOk = {
  ok: true,
  thicknessMm: 2,
  kFactor: 0.44,
  bends: [{ angleDeg: 90, innerRadiusMm: 2, lengthMm: 100, faces: [0, 1] }],
  flatPattern: {
    widthMm: 150,
    heightMm: 100,
    areaMm2: 15_000,
    cutLengthMm: 500,
    pierces: 1,
    outline: {
      outer: [
        [0, 0],
        [150, 0],
        [150, 100],
        [0, 100],
      ],
      holes: [],
    },
    bendLines: [{ from: [60, 0], to: [60, 100], angleDeg: 90, direction: "up", innerRadiusMm: 2 }],
  },
};

describe("the matcher's sheet blank", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("is the blank pricing sizes, unfolded at the ordered material's K-factor", async () => {
    const { line } = await placeAcmeOrder(db);
    const part = await db.orderLine.findUniqueOrThrow({ where: { id: line.id } }).part();
    const analysis = part.analysis as Record<string, unknown>;
    await db.part.update({
      where: { id: part.id },
      data: { analysis: { ...analysis, sheetMetal: lBracket } },
    });
    const { data } = await loadPricingData(db);

    for (const materialCode of ["AL-5754", "SS-1.4301"]) {
      const group = data.sheetMetal.materials[materialCode]!.group;
      const priced = sheetAtMaterialKFactor(lBracket, data.sheetMetal.kFactors, group).flatPattern;
      // The settings' K for this material is not the analysis's, so the two blanks differ.
      expect(priced.widthMm).not.toBeCloseTo(lBracket.flatPattern.widthMm, 6);

      const { lineToMatch } = await withSheetMachines(
        db,
        { id: line.id, process: "SHEET_METAL", materialCode },
        { partSizeMm: [150, 100, 30] } as LineToMatch,
        [],
      );
      expect(lineToMatch.sheet?.blankMm[0]).toBeCloseTo(priced.widthMm, 9);
      expect(lineToMatch.sheet?.blankMm[1]).toBeCloseTo(priced.heightMm, 9);
      expect(lineToMatch.sheet).toMatchObject({ thicknessMm: 2, group, bends: 1, longestBendMm: 100 });
    }
  });
});
