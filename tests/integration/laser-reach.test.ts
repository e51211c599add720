import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { analyzeStoredPart } from "../../lib/parts/analyze-stored-part";
import { storePartUpload } from "../../lib/parts/store-part-upload";
import { compareStoredPart, priceStoredPart } from "../../lib/quotes/price-stored-part";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { addSheetMachine } from "../../lib/suppliers/add-sheet-machine";
import { removeSheetMachine } from "../../lib/suppliers/remove-sheet-machine";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysisPool, type AnalysisPool } from "../../quoting-engine/analysis/analysis-worker-pool";
import { acme, anna } from "../fixtures/acme-orders";
import { chunkedStream } from "../fixtures/streams";
import { createTestPrisma } from "./setup/test-prisma";

// Issue 23: laser cutting is offered only where a partner's laser cuts the part, and partners say what
// their lasers cut on the profile's machine form (lib/suppliers/add-sheet-machine.ts).
const today = "2026-12-07";
const nowak = { userId: "seed_user_nowak", companyId: "seed_company_nowak", role: "SUPPLIER_ADMIN" as const };

describe("laser cutting only within the partners' lasers' reach, as they declare them", () => {
  let db: Database;
  let storage: FileStorage;
  let directory: string;
  let pool: AnalysisPool;

  async function analysed(fixture: string) {
    const part = await storePartUpload(
      { db, storage, queue: { send: async () => "job" } as never },
      {
        body: chunkedStream(readFileSync(`tests/fixtures/cad/${fixture}`)),
        fileName: fixture,
        owner: { companyId: acme, userId: anna.userId },
      },
    );
    await analyzeStoredPart({ db, storage, pool }, part.id);
    return db.part.findUniqueOrThrow({ where: { id: part.id } });
  }
  const processesOf = async (part: Awaited<ReturnType<typeof analysed>>) =>
    (await compareStoredPart(db, part, 1, today)).priced.map((quote) => quote.process);

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "laser-reach-"));
    storage = createLocalFileStorage(directory);
    pool = createAnalysisPool({ size: 1 });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(directory, { recursive: true, force: true });
  });

  it("offers the 20 mm plate as laser cutting only while a partner's laser cuts 20 mm steel", async () => {
    // synth_block_fillets_R5: 50 × 50 × 20 mm with rounded vertical edges, a 20 mm plate's profile.
    const block = await analysed("synth_block_fillets_R5.step");
    expect(block.analysis).toMatchObject({ sheetMetal: { ok: true, thicknessMm: 20 } });
    // Nowak's TruLaser (the only laser in the demo network) cuts steel up to 20 mm.
    expect(await processesOf(block)).toContain("laser_cutting");

    // Nowak replaces it on the profile with a smaller laser: 15 mm steel at most.
    const machines = await db.sheetMetalMachine.findMany({
      where: { companyId: nowak.companyId, kind: "LASER" },
    });
    for (const machine of machines) await removeSheetMachine(db, nowak, machine.id);
    await addSheetMachine(db, nowak, {
      kind: "LASER",
      name: "Bystronic ByStar Fiber 3015 (3 kW)",
      sheetXMm: "3000",
      sheetYMm: "1500",
      maxSteelMm: "15",
      maxStainlessMm: "8",
      maxAluminiumMm: "8",
    });
    expect(await processesOf(block)).not.toContain("laser_cutting");
    const single = await priceStoredPart(
      db,
      block,
      { process: "laser_cutting", materialCode: "S235JR", quantity: 1 },
      today,
    );
    expect(single.quote).toMatchObject({ ok: true, needsManualQuote: true });

    // A 3 mm drawing is still cut by the new laser.
    const plate = await analysed("laser_plate_160x90.dxf");
    expect(await processesOf(plate)).toEqual(["laser_cutting"]);
  }, 180_000);

  it("refuses what the machine form cannot take: a partner without sheet processes, a member, a sheet too small", async () => {
    const laser = {
      kind: "LASER",
      name: "Typed laser",
      sheetXMm: "3000",
      sheetYMm: "1500",
      maxSteelMm: "12",
    };
    await expect(
      addSheetMachine(
        db,
        { userId: "seed_user_mueller", companyId: "seed_company_mueller", role: "SUPPLIER_ADMIN" },
        laser,
      ),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("neither laser cutting nor sheet metal"),
    });
    await expect(addSheetMachine(db, { ...nowak, role: "SUPPLIER_MEMBER" }, laser)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(addSheetMachine(db, nowak, { ...laser, sheetXMm: "50" })).rejects.toThrow(
      /sheet's long edge in millimetres, from 100 to 12000/,
    );
    await expect(
      addSheetMachine(db, nowak, {
        kind: "PRESS_BRAKE",
        name: "Typed brake",
        bendLengthMm: "3000",
        tonnage: "2",
      }),
    ).rejects.toThrow(/force in tonnes, from 5 to 3000/);
    // A press brake as typed with a decimal comma is kept.
    const brake = await addSheetMachine(db, nowak, {
      kind: "PRESS_BRAKE",
      name: "Amada HG 1303",
      bendLengthMm: "3100",
      tonnage: "130,5",
    });
    expect(brake).toMatchObject({ kind: "PRESS_BRAKE", bendLengthMm: 3100, tonnage: 130.5 });
  }, 60_000);
});
