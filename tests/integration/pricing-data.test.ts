import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { loadPricingData } from "../../lib/pricing/load-pricing-data";
import { ensurePricingSettings, seedDatabase } from "../../prisma/seed";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { createTestPrisma } from "./setup/test-prisma";

const byCode = <T extends { code: string }>(items: T[]) =>
  [...items].sort((a, b) => a.code.localeCompare(b.code));

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

  it("prices with an operator's new machine rate and the newest settings version", async () => {
    await db.machineRate.update({ where: { process: "CNC_MILLING" }, data: { hourlyRateCents: 9900 } });
    const settings = (await db.pricingSettings.findUniqueOrThrow({ where: { version: 1 } })).settings as {
      validityDays: number;
    };
    await db.pricingSettings.create({
      data: { version: 2, settings: { ...settings, validityDays: 14 }, source: "test: shorter validity" },
    });
    const { data, settingsVersion } = await loadPricingData(db);
    expect(settingsVersion).toBe(2);
    expect(data.processes.cnc_milling.hourlyRateCents).toBe(9900);
    expect(data.validityDays).toBe(14);
  });

  it("refuses a settings document that would price nonsense, naming the field", async () => {
    const settings = (await db.pricingSettings.findUniqueOrThrow({ where: { version: 1 } })).settings as {
      margins: unknown[];
    };
    await db.pricingSettings.create({
      data: { version: 3, settings: { ...settings, margins: [] }, source: "test: broken" },
    });
    await expect(loadPricingData(db)).rejects.toThrow(/version 3 are invalid: margins/);
  });

  it("stores only JSON objects as settings, and positive versions", async () => {
    await expect(
      db.pricingSettings.create({ data: { version: 0, settings: {}, source: "test" } }),
    ).rejects.toThrow(/PricingSettings_version_positive/);
    await expect(
      db.pricingSettings.create({ data: { version: 9, settings: [1, 2], source: "test" } }),
    ).rejects.toThrow(/PricingSettings_settings_object/);
  });

  it("gives a database seeded before pricing settings existed version 1 of the defaults, and leaves stored ones alone", async () => {
    const older = await createTestPrisma();
    await seedDatabase(older);
    await older.pricingSettings.deleteMany();
    expect(await ensurePricingSettings(older)).toBe(true);
    expect((await loadPricingData(older)).settingsVersion).toBe(1);
    expect(await ensurePricingSettings(older)).toBe(false);
    expect(await older.pricingSettings.count()).toBe(1);
  });
});
