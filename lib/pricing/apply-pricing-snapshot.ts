import type { ManufacturingProcess as DbProcess } from "../db/generated/enums";
import { type PricingSettingsDocument } from "./pricing-settings";
import { engineProcessOf } from "../db/catalogue-codes";

/**
 * The material prices, active flags and machine rates a settings version priced with: its snapshot
 * wins over the tables (which hold the current values, and may have been reset by a re-seed since), and
 * a row the snapshot does not name (a version saved before snapshots existed, a material added since)
 * keeps its table values.
 */
export function applyPricingSnapshot<
  M extends { code: string; priceCentsPerKg: number; active: boolean },
  R extends { process: DbProcess; hourlyRateCents: number; setupMinutes: number },
>(
  materials: readonly M[],
  rates: readonly R[],
  document: Pick<PricingSettingsDocument, "materialPrices" | "machineRates">,
): { materials: M[]; rates: R[] } {
  return {
    materials: materials.map((material) => {
      const stored = document.materialPrices?.[material.code];
      return stored
        ? { ...material, priceCentsPerKg: stored.priceCentsPerKg, active: stored.active }
        : material;
    }),
    rates: rates.map((rate) => {
      const stored = document.machineRates?.[engineProcessOf(rate.process)];
      return stored
        ? { ...rate, hourlyRateCents: stored.hourlyRateCents, setupMinutes: stored.setupMinutes }
        : rate;
    }),
  };
}
