import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { loadPricingData } from "../../lib/pricing/load-pricing-data";
import { updateMachineRate } from "../../lib/settings/update-machine-rate";
import { ensurePricingSettings, seedDatabase } from "../../prisma/seed";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { createTestPrisma } from "./setup/test-prisma";

const byCode = <T extends { code: string }>(items: T[]) =>
  [...items].sort((a, b) => a.code.localeCompare(b.code));

const olga = { userId: "seed_user_olga" };

describe("pricing data in the database", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("loads back exactly the engine's defaults the seed stored, with settings version 1", async () => {
    const { data, settingsVersion } = await loadPricingData(db);
    expect(settingsVersion).toBe(1);
    expect({ ...data, materials: byCode(data.materials) }).toEqual({
      ...defaultPricingData,
      materials: byCode(defaultPricingData.materials),
    });
  });

  it("builds the pricing data once per version, and anew after a settings save or a table change (issue 22)", async () => {
    const first = await loadPricingData(db);
    expect(await loadPricingData(db)).toBe(first);
    // Shared by every price, so nobody may change it (frozen outside production).
    expect(Object.isFrozen(first.data.materials[0])).toBe(true);
    expect(() => first.data.materials.push(first.data.materials[0]!)).toThrow(TypeError);

    const { version } = await updateMachineRate(db, olga, {
      process: "sla",
      hourlyRateEuros: "21",
      setupMinutes: "20",
      reason: "test: the cache follows a save",
    });
    const saved = await loadPricingData(db);
    expect(saved).not.toBe(first);
    expect(saved.settingsVersion).toBe(version);
    expect(saved.data.processes.sla.hourlyRateCents).toBe(2100);
    expect(await loadPricingData(db)).toBe(saved);

    // A material's other properties live in the table alone: a change there is seen without a new version.
    const pla = await db.material.findFirstOrThrow({ where: { code: "FDM-PLA" } });
    await db.material.update({ where: { id: pla.id }, data: { densityGPerCm3: pla.densityGPerCm3 + 0.01 } });
    const changed = await loadPricingData(db);
    expect(changed.settingsVersion).toBe(version);
    expect(changed.data.materials.find((material) => material.code === "FDM-PLA")?.densityGPerCm3).toBe(
      pla.densityGPerCm3 + 0.01,
    );
    await db.material.update({ where: { id: pla.id }, data: { densityGPerCm3: pla.densityGPerCm3 } });
  });

  it("prices with an operator's new machine rate and the newest settings version", async () => {
    const { version } = await updateMachineRate(db, olga, {
      process: "cnc_milling",
      hourlyRateEuros: "99",
      setupMinutes: "45",
      reason: "test: dearer machine hours",
    });
    const settings = (await db.pricingSettings.findUniqueOrThrow({ where: { version } })).settings as {
      validityDays: number;
    };
    await db.pricingSettings.create({
      data: {
        version: version + 1,
        settings: { ...settings, validityDays: 14 },
        source: "test: shorter validity",
      },
    });
    const { data, settingsVersion } = await loadPricingData(db);
    expect(settingsVersion).toBe(version + 1);
    expect(data.processes.cnc_milling.hourlyRateCents).toBe(9900);
    expect(data.validityDays).toBe(14);
  });

  it("prices a version saved before snapshots existed with the tables' prices", async () => {
    const newest = await db.pricingSettings.findFirstOrThrow({ orderBy: { version: "desc" } });
    const {
      materialPrices: _materials,
      machineRates: _rates,
      ...withoutSnapshot
    } = newest.settings as Record<string, unknown>;
    await db.machineRate.update({ where: { process: "FDM" }, data: { hourlyRateCents: 4321 } });
    await db.pricingSettings.create({
      data: { version: newest.version + 1, settings: withoutSnapshot as object, source: "test: old format" },
    });
    const { data } = await loadPricingData(db);
    expect(data.processes.fdm.hourlyRateCents).toBe(4321);
    expect(data.processes.cnc_milling.hourlyRateCents).toBe(9900);
  });

  it("refuses a settings document that would price nonsense, naming the field", async () => {
    const newest = await db.pricingSettings.findFirstOrThrow({ orderBy: { version: "desc" } });
    const settings = newest.settings as { margins: unknown[] };
    const version = newest.version + 1;
    await db.pricingSettings.create({
      data: { version, settings: { ...settings, margins: [] }, source: "test: broken" },
    });
    await expect(loadPricingData(db)).rejects.toThrow(new RegExp(`version ${version} are invalid: margins`));
  });

  it("stores only JSON objects as settings, and positive versions", async () => {
    await expect(
      db.pricingSettings.create({ data: { version: 0, settings: {}, source: "test" } }),
    ).rejects.toThrow(/PricingSettings_version_positive/);
    await expect(
      db.pricingSettings.create({ data: { version: 99, settings: [1, 2], source: "test" } }),
    ).rejects.toThrow(/PricingSettings_settings_object/);
  });

  it("gives a database seeded before pricing settings existed version 1 of the defaults, and leaves stored ones alone", async () => {
    const older = await createTestPrisma();
    await seedDatabase(older);
    await older.pricingSettings.deleteMany();
    expect(await ensurePricingSettings(older)).toEqual(["the default pricing settings (version 1)"]);
    expect((await loadPricingData(older)).settingsVersion).toBe(1);
    expect(await ensurePricingSettings(older)).toEqual([]);
    expect(await older.pricingSettings.count()).toBe(1);
  });

  it("lets a database seeded before sheet metal existed price it, adding rows and leaving stored values alone", async () => {
    const older = await createTestPrisma();
    await seedDatabase(older);
    // As an earlier version left it: no sheet materials or rates, settings without the sheet processes,
    // their finishes and their block, and an operator's own price for aluminium.
    const sheetMaterials = ["DC01", "S235JR", "SS-1.4301", "AL-5754"];
    await older.material.deleteMany({ where: { code: { in: sheetMaterials } } });
    await older.machineRate.deleteMany({ where: { process: { in: ["SHEET_METAL", "LASER_CUTTING"] } } });
    await older.material.update({ where: { code: "AL-6061-T6" }, data: { priceCentsPerKg: 999 } });
    const stored = (await older.pricingSettings.findFirstOrThrow({ where: { version: 1 } })).settings as {
      processes: Record<string, unknown>;
      finishes: { code: string }[];
      sheetMetal?: unknown;
    };
    delete stored.processes.sheet_metal;
    delete stored.processes.laser_cutting;
    delete stored.sheetMetal;
    stored.finishes = stored.finishes.filter(
      (finish) => !["as-cut", "powder-coated", "zinc-plated"].includes(finish.code),
    );
    await older.pricingSettings.update({ where: { version: 1 }, data: { settings: stored as object } });

    expect(await ensurePricingSettings(older)).toEqual(["4 material(s)", "2 machine rate(s)"]);
    const { data } = await loadPricingData(older);
    expect(data.materials.map((material) => material.code)).toEqual(expect.arrayContaining(sheetMaterials));
    expect(data.processes.sheet_metal.hourlyRateCents).toBe(
      defaultPricingData.processes.sheet_metal.hourlyRateCents,
    );
    expect(data.finishes.map((finish) => finish.code)).toEqual(
      expect.arrayContaining(["as-cut", "powder-coated"]),
    );
    expect((await older.material.findUniqueOrThrow({ where: { code: "AL-6061-T6" } })).priceCentsPerKg).toBe(
      999,
    );
    expect(await ensurePricingSettings(older)).toEqual([]);
  });
});
