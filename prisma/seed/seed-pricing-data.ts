import type { TransactionClient } from "../../lib/db/prisma";
import { ensureMatchingSettings } from "../../lib/matching/matching-settings";
import { toSettingsDocument } from "../../lib/pricing/pricing-settings";
import { defaultPricingData } from "../../quoting-engine/pricing/default-pricing-data";
import { dbProcessOf } from "../../lib/db/catalogue-codes";
import { manufacturingProcesses } from "../../quoting-engine/catalogue/catalogue";

export const pricingSource =
  "Engine defaults (quoting-engine/pricing/default-pricing-data.ts); sources in docs/decisions/0008-pricing-model.md";

// Materials, machine rates and the other pricing settings come from the engine's sourced defaults
// (quoting-engine/pricing/default-pricing-data.ts; sources in docs/decisions/0008-pricing-model.md).
export const defaultMaterialRows = defaultPricingData.materials.map((material) => ({
  code: material.code,
  name: material.name,
  family: material.family,
  processes: material.processes.map(dbProcessOf),
  densityGPerCm3: material.densityGPerCm3,
  priceCentsPerKg: material.priceCentsPerKg,
  machinabilityIndex: material.machinabilityIndex ?? null,
  buildRateCm3PerHour: material.buildRateCm3PerHour ?? null,
}));

export const defaultMachineRateRows = manufacturingProcesses.map((process) => ({
  process: dbProcessOf(process),
  hourlyRateCents: defaultPricingData.processes[process].hourlyRateCents,
  setupMinutes: Math.round(defaultPricingData.processes[process].setupMinutes),
}));

/**
 * Writes the materials (ids `seed_material_<code>`), version 1 of the pricing settings, the matching
 * settings if there are none, and the machine rates (ids `seed_rate_<process>`), in that order.
 */
export async function seedPricingData(tx: TransactionClient): Promise<void> {
  for (const material of defaultMaterialRows) {
    const data = { ...material, source: pricingSource };
    await tx.material.upsert({
      where: { code: material.code },
      create: { id: `seed_material_${material.code}`, ...data },
      update: data,
    });
  }
  // Version 1 of the pricing settings; operations' edits add versions above it.
  const settings = { settings: toSettingsDocument(defaultPricingData) as object, source: pricingSource };
  await tx.pricingSettings.upsert({
    where: { version: 1 },
    create: { version: 1, ...settings },
    update: settings,
  });
  await ensureMatchingSettings(tx);
  for (const rate of defaultMachineRateRows) {
    const data = { ...rate, source: pricingSource };
    await tx.machineRate.upsert({
      where: { process: rate.process },
      create: { id: `seed_rate_${rate.process}`, ...data },
      update: data,
    });
  }
}
