import type { SheetMaterialGroup, SheetMetalPricing } from "./sheet-metal-pricing-data";

/**
 * The K-factor the unfolding uses for a material group and thickness: the first row of the group whose
 * thickness reaches the part's, the group's thickest row beyond the table, and the engine's default 0.44
 * (DIN 6935 at r/t ≈ 1–2) when the table has no row for the group.
 */
export function kFactorFor(
  table: SheetMetalPricing["kFactors"],
  group: SheetMaterialGroup,
  thicknessMm: number,
): number {
  const rows = table
    .filter((row) => row.group === group)
    .sort((a, b) => a.upToThicknessMm - b.upToThicknessMm);
  if (rows.length === 0) return 0.44;
  return (rows.find((row) => thicknessMm <= row.upToThicknessMm + 1e-9) ?? rows[rows.length - 1]!).kFactor;
}
