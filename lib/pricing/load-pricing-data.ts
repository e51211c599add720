import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { engineProcessOf, pricingSettingsSchema, type PricingSettingsDocument } from "./pricing-settings";

/**
 * The pricing data the engine prices with, from the database: active materials, machine rates, and the
 * newest version of the pricing settings. Returns the version too, which a quote records.
 */
export async function loadPricingData(db: Database): Promise<{ data: PricingData; settingsVersion: number }> {
  const [materials, rates, settings] = await Promise.all([
    db.material.findMany({ where: { active: true }, orderBy: { code: "asc" } }),
    db.machineRate.findMany(),
    db.pricingSettings.findFirst({ orderBy: { version: "desc" } }),
  ]);
  if (!settings)
    throw new AppError("internal_error", "No pricing settings are stored: run the seed (npm run db:seed).");
  const parsed = pricingSettingsSchema.safeParse(settings.settings);
  if (!parsed.success)
    throw new AppError(
      "internal_error",
      `Pricing settings version ${settings.version} are invalid: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  const document = parsed.data as PricingSettingsDocument;
  const processes = {} as PricingData["processes"];
  for (const [process, stored] of Object.entries(document.processes) as [
    keyof PricingData["processes"],
    PricingSettingsDocument["processes"][keyof PricingData["processes"]],
  ][]) {
    const rate = rates.find((candidate) => engineProcessOf(candidate.process) === process);
    if (!rate) throw new AppError("internal_error", `No machine rate is stored for ${process}.`);
    processes[process] = {
      ...stored,
      hourlyRateCents: rate.hourlyRateCents,
      setupMinutes: rate.setupMinutes,
    };
  }
  return {
    settingsVersion: settings.version,
    data: {
      ...document,
      currency: "EUR",
      processes,
      materials: materials.map((material) => ({
        code: material.code,
        name: material.name,
        family: material.family === "metal" ? "metal" : "plastic",
        processes: material.processes.map(engineProcessOf),
        densityGPerCm3: material.densityGPerCm3,
        priceCentsPerKg: material.priceCentsPerKg,
        ...(material.machinabilityIndex !== null ? { machinabilityIndex: material.machinabilityIndex } : {}),
        ...(material.buildRateCm3PerHour !== null
          ? { buildRateCm3PerHour: material.buildRateCm3PerHour }
          : {}),
      })),
    },
  };
}
