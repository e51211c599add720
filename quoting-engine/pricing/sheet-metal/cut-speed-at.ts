import type { CutSpeedRow, SheetMaterialGroup } from "./sheet-metal-pricing-data";

/**
 * Cutting speed and pierce time for a group at a thickness, interpolated linearly between the table's
 * rows (speed falls steeply with thickness, so the rows are close). Beyond the thickest row: undefined,
 * the laser cannot cut it. Below the thinnest: the thinnest row's values.
 */
export function cutSpeedAt(
  rows: readonly CutSpeedRow[],
  group: SheetMaterialGroup,
  thicknessMm: number,
): { mmPerMinute: number; pierceSeconds: number } | undefined {
  const table = rows.filter((row) => row.group === group).sort((a, b) => a.thicknessMm - b.thicknessMm);
  if (table.length === 0) return undefined;
  const first = table[0]!;
  if (thicknessMm <= first.thicknessMm)
    return { mmPerMinute: first.mmPerMinute, pierceSeconds: first.pierceSeconds };
  for (let index = 1; index < table.length; index++) {
    const low = table[index - 1]!;
    const high = table[index]!;
    if (thicknessMm <= high.thicknessMm + 1e-9) {
      const share = (thicknessMm - low.thicknessMm) / (high.thicknessMm - low.thicknessMm);
      return {
        mmPerMinute: low.mmPerMinute + share * (high.mmPerMinute - low.mmPerMinute),
        pierceSeconds: low.pierceSeconds + share * (high.pierceSeconds - low.pierceSeconds),
      };
    }
  }
  return undefined;
}
