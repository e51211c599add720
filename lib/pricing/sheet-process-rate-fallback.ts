import type { ManufacturingProcess } from "../../quoting-engine/catalogue/catalogue";
import { defaultSheetProcesses } from "../../quoting-engine/pricing/sheet-metal/default-sheet-metal-data";

/**
 * A database seeded before the sheet processes existed has no machine rate for them: they price at the
 * engine's defaults until operations set one on /ops/settings. Every other process without a rate is a
 * fault (undefined: the loader fails loudly).
 */
export function sheetProcessRateFallback(
  process: ManufacturingProcess,
): { hourlyRateCents: number; setupMinutes: number } | undefined {
  if (process !== "sheet_metal" && process !== "laser_cutting") return undefined;
  const { hourlyRateCents, setupMinutes } = defaultSheetProcesses[process];
  return { hourlyRateCents, setupMinutes };
}
