import type { SheetMetalOk } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { sheetAtMaterialKFactor } from "../../quoting-engine/pricing/sheet-metal/sheet-at-material-k-factor";
import type { SheetLineNeeds } from "./sheet-machine-refusal";

/**
 * What a laser-cut or sheet-metal line asks of a partner's lasers and press brakes: the blank unfolded at
 * the ordered material's K-factor, the same blank pricing sizes the sheet with (sheetAtMaterialKFactor,
 * docs/decisions/0058), the thickness, the bends (none when only cut) and the material's group and
 * strength from the pricing settings. Undefined for a material the sheet-metal settings do not stock.
 */
export function sheetLineNeeds(
  sheet: SheetMetalOk,
  line: { bent: boolean; materialCode: string },
  data: PricingData,
): SheetLineNeeds | undefined {
  const stock = data.sheetMetal.materials[line.materialCode];
  if (!stock) return undefined;
  const pattern = sheetAtMaterialKFactor(sheet, data.sheetMetal.kFactors, stock.group).flatPattern;
  return {
    blankMm: [pattern.widthMm, pattern.heightMm],
    thicknessMm: sheet.thicknessMm,
    group: stock.group,
    bends: line.bent ? sheet.bends.length : 0,
    longestBendMm: Math.max(0, ...sheet.bends.map((bend) => bend.lengthMm)),
    tensileStrengthMpa: data.sheetMetal.tensileStrengthMpa[stock.group],
  };
}

/**
 * `sheetLineNeeds` of a file of several sheet parts of one thickness, each cut from its own blank
 * (docs/decisions/0110): a laser must hold the longest blank side and the longest short side (each blank
 * turned long side first), a press brake the most bends and the longest bend of any part.
 */
export function sheetLineNeedsOfParts(
  sheets: readonly SheetMetalOk[],
  line: { bent: boolean; materialCode: string },
  data: PricingData,
): SheetLineNeeds | undefined {
  const needs = sheets.map((sheet) => sheetLineNeeds(sheet, line, data));
  if (needs.length === 0 || needs.some((need) => !need)) return undefined;
  const all = needs as SheetLineNeeds[];
  const sides = all.map(({ blankMm }) => [Math.max(...blankMm), Math.min(...blankMm)]);
  return {
    ...all[0]!,
    blankMm: [Math.max(...sides.map(([long]) => long!)), Math.max(...sides.map(([, short]) => short!))],
    bends: Math.max(...all.map((need) => need.bends)),
    longestBendMm: Math.max(...all.map((need) => need.longestBendMm)),
  };
}
