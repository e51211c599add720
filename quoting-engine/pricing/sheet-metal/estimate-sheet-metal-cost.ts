import { formatNumber as format } from "../../analysis/format-number";
import type { CostEstimate, CostInput, CostLine } from "../cost-estimate";
import { centsForMaterial, centsForMinutes } from "../cost-estimate";
import { cutSpeedAt } from "./cut-speed-at";
import { nestBlank } from "./nest-blank";
import { sheetMetalOf } from "./sheet-metal-of";
import { sheetAtMaterialKFactor } from "./sheet-at-material-k-factor";

/**
 * Laser cutting and sheet metal (laser cut, then bent), as a fabricator's estimate is built (Boothroyd,
 * Dewhurst & Knight, PDFMA ch. 9; fabricators' quoting practice, docs/decisions/0054):
 * - material: the sheet area the blank's rectangle takes when nested on the best sheet format, plus the
 *   scrap share, times thickness, density and price;
 * - laser: cut length at the speed table's speed for the group and thickness, plus a pierce per contour,
 *   plus handling; the nesting and sheet loading per order;
 * - press brake (sheet metal): time per bend (twice for blanks two people handle), one setup per order
 *   plus one per distinct tool set (bends of different inner radius need different punches and dies);
 * - deburring the cut edges and inspection at the labour rate.
 * Returns undefined when the part is not sheet metal or the data cannot cut it; the reasons are in
 * sheet-metal-reasons.ts, which quotePart checks first.
 */
export function estimateSheetMetalCost(
  input: CostInput,
  kind: "sheet_metal" | "laser_cutting",
): CostEstimate | undefined {
  const { report, material, data, quantity } = input;
  const analysed = sheetMetalOf(report);
  const stock = data.sheetMetal.materials[material.code];
  if (!analysed.ok || !stock) return undefined;
  // The blank as this material unfolds (its K-factor from the settings' table, issue 23).
  const sheet = sheetAtMaterialKFactor(analysed, data.sheetMetal.kFactors, stock.group);
  const pattern = sheet.flatPattern;
  const thicknessMm = sheet.thicknessMm;
  const settings = data.sheetMetal;
  const nesting = nestBlank(
    [pattern.widthMm, pattern.heightMm],
    settings.sheetSizesMm,
    settings.partSpacingMm,
    settings.edgeTrimMm,
  );
  const speed = cutSpeedAt(settings.cutSpeeds, stock.group, thicknessMm);
  if (!nesting || !speed) return undefined;
  const laser = data.processes.laser_cutting;
  const labour = data.labourRateCentsPerHour;
  const sheetCm3 = (nesting.sheetShareMm2 * (1 + settings.scrapShare) * thicknessMm) / 1000;
  const lines: CostLine[] = [
    {
      kind: "material",
      label: `${material.name}, ${format(thicknessMm)} mm: blank ${Math.round(pattern.widthMm)} × ${Math.round(pattern.heightMm)} mm, ${nesting.perSheet} per ${nesting.sheetMm[0]} × ${nesting.sheetMm[1]} sheet, +${Math.round(settings.scrapShare * 100)} % scrap`,
      centsPerPart: centsForMaterial(sheetCm3, material),
    },
  ];
  const cutMinutes =
    pattern.cutLengthMm / speed.mmPerMinute +
    (pattern.pierces * speed.pierceSeconds) / 60 +
    settings.laserHandlingMinutesPerPart;
  lines.push({
    kind: "machine",
    label: `Laser cutting ${format(pattern.cutLengthMm / 1000)} m at ${format(speed.mmPerMinute / 1000)} m/min, ${pattern.pierces} pierce${pattern.pierces === 1 ? "" : "s"}`,
    minutesPerPart: cutMinutes,
    centsPerPart: centsForMinutes(cutMinutes, laser.hourlyRateCents),
  });
  lines.push({
    kind: "setup",
    label: `Nesting and loading the laser (${format(laser.setupMinutes)} min per order)`,
    centsPerPart: centsForMinutes(laser.setupMinutes, laser.hourlyRateCents) / quantity,
  });
  let bendMinutes = 0;
  let bendSetupMinutes = 0;
  if (kind === "sheet_metal" && sheet.bends.length > 0) {
    const brake = data.processes.sheet_metal;
    const longest = Math.max(pattern.widthMm, pattern.heightMm);
    const handlers = longest > settings.twoPersonBendLengthMm ? 2 : 1;
    bendMinutes = (sheet.bends.length * settings.secondsPerBend * handlers) / 60;
    const toolSets = distinctToolSets(sheet.bends.map((bend) => bend.innerRadiusMm));
    bendSetupMinutes = brake.setupMinutes + toolSets * settings.setupMinutesPerTooling;
    lines.push({
      kind: "machine",
      label: `Bending ${sheet.bends.length} bend${sheet.bends.length === 1 ? "" : "s"}${handlers === 2 ? " (two people: long blank)" : ""}`,
      minutesPerPart: bendMinutes,
      centsPerPart: centsForMinutes(bendMinutes, brake.hourlyRateCents * handlers),
    });
    lines.push({
      kind: "setup",
      label: `Press brake: program and ${toolSets} tool set${toolSets === 1 ? "" : "s"} (${format(bendSetupMinutes)} min per order)`,
      centsPerPart: centsForMinutes(bendSetupMinutes, brake.hourlyRateCents) / quantity,
    });
  }
  const deburrMinutes =
    (pattern.cutLengthMm / 1000) * settings.deburrMinutesPerMetre + settings.deburrMinutesPerPart;
  lines.push({
    kind: "labour",
    label: `Deburring ${format(pattern.cutLengthMm / 1000)} m of cut edge`,
    minutesPerPart: deburrMinutes,
    centsPerPart: centsForMinutes(deburrMinutes, labour),
  });
  const parameters = data.processes[kind].parameters;
  const inspectionMinutes =
    (parameters.inspectionMinutesPerPart ?? 0) + (parameters.firstArticleMinutes ?? 0) / quantity;
  if (inspectionMinutes > 0)
    lines.push({
      kind: "inspection",
      label: "Inspection (each part, and a first article per order)",
      minutesPerPart: inspectionMinutes,
      centsPerPart: centsForMinutes(inspectionMinutes, labour),
    });
  const orderMinutes = (cutMinutes + bendMinutes) * quantity + laser.setupMinutes + bendSetupMinutes;
  return { lines, orderMachineHours: orderMinutes / 60 };
}

/** Tool sets a part needs: one per inner radius, radii within 0.25 mm sharing one (the same punch). */
export function distinctToolSets(innerRadiiMm: readonly number[]): number {
  return new Set(innerRadiiMm.map((radius) => Math.round(radius * 2))).size;
}
