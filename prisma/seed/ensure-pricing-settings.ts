import type { Database } from "../../lib/db/prisma";
import { toSettingsDocument } from "../../lib/pricing/pricing-settings";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { defaultMachineRateRows, defaultMaterialRows, pricingSource } from "./seed-pricing-data";

/**
 * Brings a database seeded by an earlier version up to what this version can price, adding and never
 * changing: version 1 of the default pricing settings when it has none, and the materials and machine
 * rates of processes added since (e.g. sheet metal: its steels and aluminium 5754, its laser and press
 * brake rates), with the defaults' ids and prices. What a stored settings version lacks is filled in when
 * it is read (lib/pricing/with-default-entries.ts). `npm start` runs it on every start; returns what it
 * added, in words, for the console.
 */
export async function ensurePricingSettings(db: Database): Promise<string[]> {
  const added: string[] = [];
  const settings = await db.pricingSettings.createMany({
    data:
      (await db.pricingSettings.count()) > 0
        ? []
        : [{ version: 1, settings: toSettingsDocument(defaultPricingData) as object, source: pricingSource }],
    skipDuplicates: true,
  });
  if (settings.count) added.push("the default pricing settings (version 1)");
  const materials = await db.material.createMany({
    data: defaultMaterialRows.map((material) => ({
      id: `seed_material_${material.code}`,
      ...material,
      source: pricingSource,
    })),
    skipDuplicates: true,
  });
  if (materials.count) added.push(`${materials.count} material(s)`);
  const rates = await db.machineRate.createMany({
    data: defaultMachineRateRows.map((rate) => ({
      id: `seed_rate_${rate.process}`,
      ...rate,
      source: pricingSource,
    })),
    skipDuplicates: true,
  });
  if (rates.count) added.push(`${rates.count} machine rate(s)`);
  return added;
}
