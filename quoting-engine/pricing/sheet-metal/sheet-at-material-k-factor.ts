import { flatSizeForKFactor } from "../../analysis/sheet-metal/flat-size-for-k-factor";
import type { SheetMetalOk } from "../../analysis/sheet-metal/sheet-metal-types";
import { kFactorFor } from "./k-factor-for";
import type { SheetMaterialGroup, SheetMetalPricing } from "./sheet-metal-pricing-data";

/**
 * The part's sheet-metal result unfolded with the chosen material's K-factor (the pricing settings'
 * table by group and thickness) instead of the one the analysis used: the material is chosen after the
 * analysis, so the blank's size, area and cut length are corrected here from the stored bends
 * (flatSizeForKFactor, docs/decisions/0058). A flat part, or one already unfolded with that K, is
 * returned as it is. The outline's drawing keeps the analysis's shape (it is only shown, never priced).
 */
export function sheetAtMaterialKFactor(
  sheet: SheetMetalOk,
  table: SheetMetalPricing["kFactors"],
  group: SheetMaterialGroup,
): SheetMetalOk {
  if (sheet.bends.length === 0) return sheet;
  const kFactor = kFactorFor(table, group, sheet.thicknessMm);
  if (Math.abs(kFactor - sheet.kFactor) < 1e-9) return sheet;
  const size = flatSizeForKFactor(sheet, kFactor);
  return { ...sheet, kFactor, flatPattern: { ...sheet.flatPattern, ...size } };
}
