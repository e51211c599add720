import type { MachineRate, Material } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { applyPricingSnapshot } from "../pricing/apply-pricing-snapshot";
import {
  pricingSettingsSchema,
  type MachineRateSnapshot,
  type MaterialPriceSnapshot,
  type ParsedPricingSettings,
} from "../pricing/pricing-settings";
import { engineProcessOf } from "../db/catalogue-codes";
import { refuseUnconfirmedLargeMoves, type PriceMove } from "./large-price-moves";

/** The current version with a complete snapshot, and the materials and rates it prices with. */
export interface CurrentPricing {
  version: number;
  document: ParsedPricingSettings & {
    materialPrices: MaterialPriceSnapshot;
    machineRates: MachineRateSnapshot;
  };
  materials: Material[];
  rates: MachineRate[];
}

export interface PricingChange {
  document: ParsedPricingSettings;
  /** What changed, for people: "Margin CNC milling from 1 pc 35 % → 30 %". */
  summary: string;
  /** The prices it moves, checked against the large-move factor (large-price-moves.ts). */
  moves?: PriceMove[];
}

export interface PricingSaveOptions {
  /** The large-move warning the operator confirmed (the form sends it back); see large-price-moves.ts. */
  confirmedLargeChange?: string;
  now?: Date;
}

/**
 * Saves a change of the pricing settings as a new version, in one transaction: takes the pricing
 * settings lock (so two operators saving at once get versions N+1 and N+2, never the same number), reads
 * the newest version, lets `change` derive the new document from it, stores that with a complete
 * snapshot of material prices and machine rates, brings the Material and MachineRate tables in line with
 * the snapshot, and records who changed what and why in the audit log. Older versions are never
 * touched: a quote's settings version keeps saying what it was priced with.
 *
 * Throws `validation_failed` when the result would not price (the schema names the field), nothing
 * changed, or a price moves by more than ×3 or ÷3 and the operator has not confirmed that change yet.
 */
export async function savePricingVersion(
  db: Database,
  actor: { userId: string },
  reason: string,
  change: (current: CurrentPricing) => PricingChange,
  options: PricingSaveOptions = {},
): Promise<{ version: number; summary: string }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('PricingSettings'))`;
    const current = await loadCurrentPricing(tx);
    const { document, summary, moves = [] } = change(current);
    const checked = pricingSettingsSchema.safeParse(document);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new AppError(
        "validation_failed",
        `This change would leave the pricing settings invalid (${issue?.path.join(".")}: ${issue?.message}).`,
      );
    }
    if (JSON.stringify(checked.data) === JSON.stringify(current.document))
      throw new AppError("validation_failed", "Nothing changed: the new values are the current ones.");
    const largeMoves = await refuseUnconfirmedLargeMoves(
      tx,
      moves,
      options.confirmedLargeChange,
      options.now ?? new Date(),
    );
    const version = current.version + 1;
    await syncTables(tx, checked.data, `Operations, pricing settings version ${version}: ${reason}`);
    await tx.pricingSettings.create({
      data: {
        version,
        settings: checked.data as object,
        source: `${summary}: ${reason}`,
        changedById: actor.userId,
      },
    });
    await recordAuditLog(tx, {
      actorUserId: actor.userId,
      action: "settings.pricing",
      entityType: "PricingSettings",
      entityId: String(version),
      data: {
        summary,
        reason,
        previousVersion: current.version,
        ...(largeMoves ? { confirmedLargeMoves: largeMoves } : {}),
      },
    });
    return { version, summary };
  });
}

async function loadCurrentPricing(tx: TransactionClient): Promise<CurrentPricing> {
  const row = await tx.pricingSettings.findFirst({ orderBy: { version: "desc" } });
  if (!row)
    throw new AppError("internal_error", "No pricing settings are stored: run the seed (npm run db:seed).");
  const parsed = pricingSettingsSchema.safeParse(row.settings);
  if (!parsed.success)
    throw new AppError(
      "internal_error",
      `Pricing settings version ${row.version} are invalid; fix them before changing them.`,
    );
  const tableMaterials = await tx.material.findMany({ orderBy: { name: "asc" } });
  const tableRates = await tx.machineRate.findMany({ orderBy: { process: "asc" } });
  const { materials, rates } = applyPricingSnapshot(tableMaterials, tableRates, parsed.data);
  return {
    version: row.version,
    document: {
      ...parsed.data,
      materialPrices: Object.fromEntries(
        materials.map((material) => [
          material.code,
          { priceCentsPerKg: material.priceCentsPerKg, active: material.active },
        ]),
      ),
      machineRates: Object.fromEntries(
        rates.map((rate) => [
          engineProcessOf(rate.process),
          { hourlyRateCents: rate.hourlyRateCents, setupMinutes: rate.setupMinutes },
        ]),
      ),
    },
    materials,
    rates,
  };
}

/** The tables hold the current values: every row the new version prices differently is updated. */
async function syncTables(tx: TransactionClient, next: ParsedPricingSettings, source: string) {
  const tableMaterials = await tx.material.findMany({
    select: { id: true, code: true, priceCentsPerKg: true, active: true },
  });
  for (const material of tableMaterials) {
    const wanted = next.materialPrices?.[material.code];
    if (wanted && (wanted.priceCentsPerKg !== material.priceCentsPerKg || wanted.active !== material.active))
      await tx.material.update({
        where: { id: material.id },
        data: { priceCentsPerKg: wanted.priceCentsPerKg, active: wanted.active, source },
      });
  }
  const tableRates = await tx.machineRate.findMany();
  for (const rate of tableRates) {
    const wanted = next.machineRates?.[engineProcessOf(rate.process)];
    if (
      wanted &&
      (wanted.hourlyRateCents !== rate.hourlyRateCents || wanted.setupMinutes !== rate.setupMinutes)
    )
      await tx.machineRate.update({
        where: { id: rate.id },
        data: { hourlyRateCents: wanted.hourlyRateCents, setupMinutes: wanted.setupMinutes, source },
      });
  }
}
