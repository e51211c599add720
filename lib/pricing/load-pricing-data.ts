import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import type { HolidayCalendar } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { applyPricingSnapshot } from "./apply-pricing-snapshot";
import { platformHolidayCalendar } from "./platform-holiday-calendar";
import { pricingSettingsSchema, type PricingSettingsDocument } from "./pricing-settings";
import { engineProcessOf } from "../db/catalogue-codes";
import { defaultOrderRules, type OrderRules } from "../small-orders/order-rules";

export interface LoadedPricingData {
  data: PricingData;
  settingsVersion: number;
  holidays: HolidayCalendar;
  orderRules: OrderRules;
}

/**
 * What the pricing data is built from, in one cheap query: the newest settings version, and each table's
 * row count and newest change (`updatedAt`, which Prisma sets on every write). Equal keys mean equal
 * pricing data, so it is built once per key and database client instead of three reads, a schema check
 * of the settings document and the snapshot applied on every price (issue 22, docs/decisions/0120).
 */
async function pricingDataKey(db: Database): Promise<string> {
  const [row] = await db.$queryRaw<{ key: string }[]>`/* prepared */
    SELECT concat_ws('|',
      (SELECT max("version") FROM "PricingSettings"),
      (SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') FROM "Material"),
      (SELECT count(*) || '@' || coalesce(max("updatedAt")::text, '') FROM "MachineRate")
    ) AS key`;
  return row!.key;
}

/** The pricing data built last, per database client, under the key it was built for. */
const built = new WeakMap<Database, { key: string; pricing: Promise<LoadedPricingData> }>();

/**
 * The pricing data the engine prices with, from the database: the newest version of the pricing
 * settings, with the material prices and machine rates of its snapshot (the tables fill in the
 * materials' other properties, and prices a version without a snapshot leaves out). Returns the version,
 * which a quote records, and the holiday calendar (national holidays plus the version's closure days)
 * its delivery dates count with. Prices and active flags come from the version's own snapshot, so a
 * settings save committing between the three reads cannot mix two versions' prices.
 *
 * Built once per version (pricingDataKey): every caller gets the same object, to read and never to change
 * (outside production it is frozen, so a change throws in tests).
 */
export async function loadPricingData(db: Database): Promise<LoadedPricingData> {
  const key = await pricingDataKey(db);
  const last = built.get(db);
  if (last?.key === key) return last.pricing;
  const pricing = readPricingData(db).then((loaded) =>
    process.env.NODE_ENV === "production" ? loaded : deepFrozen(loaded),
  );
  built.set(db, { key, pricing });
  // A failure (settings that do not parse) is not kept: the next price reads again.
  pricing.catch(() => {
    if (built.get(db)?.pricing === pricing) built.delete(db);
  });
  return pricing;
}

/** The value with every object and array in it frozen (functions, such as the holiday calendar, are left). */
function deepFrozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFrozen(inner);
  }
  return value;
}

/** loadPricingData's reads and checks, without the cache. */
async function readPricingData(db: Database): Promise<LoadedPricingData> {
  const [tableMaterials, tableRates, settings] = await Promise.all([
    db.material.findMany({ orderBy: { code: "asc" } }),
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
  const {
    materialPrices,
    machineRates,
    holidays,
    invoiceTerms: _invoiceTerms,
    prepaymentTerms: _prepaymentTerms,
    vatChecks: _vatChecks,
    payoutRetries: _payoutRetries,
    complaintWindow: _complaintWindow,
    orderRules,
    ...document
  } = parsed.data as PricingSettingsDocument & { holidays: { date: string }[] };
  const { materials, rates } = applyPricingSnapshot(tableMaterials, tableRates, {
    materialPrices,
    machineRates,
  });
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
    orderRules: orderRules ?? defaultOrderRules,
    holidays: platformHolidayCalendar(holidays),
    data: {
      ...document,
      currency: "EUR",
      processes,
      materials: materials
        .filter((material) => material.active)
        .map((material) => ({
          code: material.code,
          name: material.name,
          family: material.family === "metal" ? "metal" : "plastic",
          processes: material.processes.map(engineProcessOf),
          densityGPerCm3: material.densityGPerCm3,
          priceCentsPerKg: material.priceCentsPerKg,
          ...(material.machinabilityIndex !== null
            ? { machinabilityIndex: material.machinabilityIndex }
            : {}),
          ...(material.buildRateCm3PerHour !== null
            ? { buildRateCm3PerHour: material.buildRateCm3PerHour }
            : {}),
        })),
    },
  };
}
