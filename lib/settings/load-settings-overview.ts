import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadMatchingSettings } from "../matching/matching-settings";
import { applyPricingSnapshot } from "../pricing/apply-pricing-snapshot";
import { pricingSettingsSchema } from "../pricing/pricing-settings";

/** How many versions of each kind the settings page lists. */
const historyLength = 25;

/**
 * Everything the operations settings page shows: the current pricing settings version with the
 * material prices and machine rates it prices with, the current matching settings, and the latest
 * versions of both (who saved them, when, and what changed).
 */
export async function loadSettingsOverview(db: Database) {
  const history = {
    orderBy: { version: "desc" as const },
    take: historyLength,
    include: { changedBy: { select: { name: true } } },
  };
  const [newest, pricingRows, matchingRows, tableMaterials, tableRates, matching] = await Promise.all([
    db.pricingSettings.findFirst({ orderBy: { version: "desc" } }),
    db.pricingSettings.findMany({ ...history, omit: { settings: true } }),
    db.matchingSettings.findMany({ ...history, omit: { settings: true } }),
    db.material.findMany({ orderBy: [{ family: "asc" }, { name: "asc" }] }),
    db.machineRate.findMany({ orderBy: { process: "asc" } }),
    loadMatchingSettings(db),
  ]);
  if (!newest)
    throw new AppError("internal_error", "No pricing settings are stored: run the seed (npm run db:seed).");
  const parsed = pricingSettingsSchema.safeParse(newest.settings);
  if (!parsed.success)
    throw new AppError("internal_error", `Pricing settings version ${newest.version} are invalid.`);
  const { materials, rates } = applyPricingSnapshot(tableMaterials, tableRates, parsed.data);
  const entry = (row: {
    version: number;
    createdAt: Date;
    source: string;
    changedBy: { name: string } | null;
  }) => ({
    version: row.version,
    createdAt: row.createdAt,
    summary: row.source,
    changedBy: row.changedBy?.name ?? null,
  });
  return {
    pricing: {
      version: newest.version,
      settings: parsed.data,
      materials,
      rates,
      history: pricingRows.map(entry),
    },
    matching: {
      version: matching.version,
      settings: matching.settings,
      history: matchingRows.map(entry),
    },
  };
}
