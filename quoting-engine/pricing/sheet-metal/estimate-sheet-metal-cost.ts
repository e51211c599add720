import { formatNumber as format } from "../../analysis/format-number";
import type { CostEstimate, CostInput, CostLine } from "../cost-estimate";
import { centsForMaterial, centsForMinutes } from "../cost-estimate";
import { cutSpeedAt } from "./cut-speed-at";
import { nestBlank } from "./nest-blank";
import { sheetPartsOf } from "./sheet-metal-of";
import type { SheetMetalOk } from "../../analysis/sheet-metal/sheet-metal-types";
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
  const analysed = sheetPartsOf(report);
  const stock = data.sheetMetal.materials[material.code];
  if (!analysed.every((sheet) => sheet.ok) || !stock) return undefined;
  const settings = data.sheetMetal;
  // Each part's blank as this material unfolds (its K-factor from the settings' table, issue 23); a file
  // of several sheet parts is cut blank by blank from one thickness (decision 0110).
  const sheets = analysed.map((sheet) =>
    sheetAtMaterialKFactor(sheet as SheetMetalOk, settings.kFactors, stock.group),
  );
  const thicknessMm = sheets[0]!.thicknessMm;
  const nestings = sheets.map((sheet) =>
    nestBlank(
      [sheet.flatPattern.widthMm, sheet.flatPattern.heightMm],
      settings.sheetSizesMm,
      settings.partSpacingMm,
      settings.edgeTrimMm,
    ),
  );
  const speed = cutSpeedAt(settings.cutSpeeds, stock.group, thicknessMm);
  if (nestings.some((nesting) => !nesting) || !speed) return undefined;
  const laser = data.processes.laser_cutting;
  const labour = data.labourRateCentsPerHour;
  const sheetCm3 = nestings.reduce(
    (sum, nesting) => sum + (nesting!.sheetShareMm2 * (1 + settings.scrapShare) * thicknessMm) / 1000,
    0,
  );
  const pattern = sheets[0]!.flatPattern;
  const nesting = nestings[0]!;
  const cutLengthMm = sheets.reduce((sum, sheet) => sum + sheet.flatPattern.cutLengthMm, 0);
  const pierces = sheets.reduce((sum, sheet) => sum + sheet.flatPattern.pierces, 0);
  const several = sheets.length > 1;
  const lines: CostLine[] = [
    {
      kind: "material",
      label: several
        ? `${material.name}, ${format(thicknessMm)} mm: ${sheets.length} blanks, ${format(sheets.reduce((sum, sheet) => sum + sheet.flatPattern.areaMm2, 0) / 100)} cm² in all, nested on ${nesting.sheetMm[0]} × ${nesting.sheetMm[1]} sheets, +${Math.round(settings.scrapShare * 100)} % scrap`
        : `${material.name}, ${format(thicknessMm)} mm: blank ${Math.round(pattern.widthMm)} × ${Math.round(pattern.heightMm)} mm, ${nesting.perSheet} per ${nesting.sheetMm[0]} × ${nesting.sheetMm[1]} sheet, +${Math.round(settings.scrapShare * 100)} % scrap`,
      centsPerPart: centsForMaterial(sheetCm3, material),
    },
  ];
  const cutMinutes = sheets.reduce(
    (sum, sheet) =>
      sum +
      sheet.flatPattern.cutLengthMm / speed.mmPerMinute +
      (sheet.flatPattern.pierces * speed.pierceSeconds) / 60 +
      settings.laserHandlingMinutesPerPart,
    0,
  );
  lines.push({
    kind: "machine",
    label: `Laser cutting ${several ? `${sheets.length} parts, ` : ""}${format(cutLengthMm / 1000)} m at ${format(speed.mmPerMinute / 1000)} m/min, ${pierces} pierce${pierces === 1 ? "" : "s"}`,
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
  const bends = sheets.flatMap((sheet) => sheet.bends);
  if (kind === "sheet_metal" && bends.length > 0) {
    const brake = data.processes.sheet_metal;
    let bendCents = 0;
    let twoPeople = false;
    for (const sheet of sheets) {
      const longest = Math.max(sheet.flatPattern.widthMm, sheet.flatPattern.heightMm);
      const handlers = longest > settings.twoPersonBendLengthMm ? 2 : 1;
      twoPeople ||= handlers === 2 && sheet.bends.length > 0;
      const minutes = (sheet.bends.length * settings.secondsPerBend * handlers) / 60;
      bendMinutes += minutes;
      bendCents += centsForMinutes(minutes, brake.hourlyRateCents * handlers);
    }
    const toolSets = distinctToolSets(bends.map((bend) => bend.innerRadiusMm));
    bendSetupMinutes = brake.setupMinutes + toolSets * settings.setupMinutesPerTooling;
    lines.push({
      kind: "machine",
      label: `Bending ${bends.length} bend${bends.length === 1 ? "" : "s"}${bentOnly(sheets)}${twoPeople ? " (two people: long blank)" : ""}`,
      minutesPerPart: bendMinutes,
      centsPerPart: bendCents,
    });
    lines.push({
      kind: "setup",
      label: `Press brake: program and ${toolSets} tool set${toolSets === 1 ? "" : "s"} (${format(bendSetupMinutes)} min per order)`,
      centsPerPart: centsForMinutes(bendSetupMinutes, brake.hourlyRateCents) / quantity,
    });
  }
  const deburrMinutes = sheets.reduce(
    (sum, sheet) =>
      sum +
      (sheet.flatPattern.cutLengthMm / 1000) * settings.deburrMinutesPerMetre +
      settings.deburrMinutesPerPart,
    0,
  );
  lines.push({
    kind: "labour",
    label: `Deburring ${format(cutLengthMm / 1000)} m of cut edge`,
    minutesPerPart: deburrMinutes,
    centsPerPart: centsForMinutes(deburrMinutes, labour),
  });
  const parameters = data.processes[kind].parameters;
  // Each part of a file of several is inspected, and gets its first article, on its own.
  const inspectionMinutes =
    ((parameters.inspectionMinutesPerPart ?? 0) + (parameters.firstArticleMinutes ?? 0) / quantity) *
    sheets.length;
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

/** " on part 2 of 3 (the others laser cut only)": which parts of a set are bent; empty for one part or all bent. */
function bentOnly(sheets: readonly SheetMetalOk[]): string {
  const bent = sheets.flatMap((sheet, index) => (sheet.bends.length > 0 ? [index + 1] : []));
  if (sheets.length < 2 || bent.length === sheets.length) return "";
  return ` on part${bent.length === 1 ? "" : "s"} ${bent.join(", ")} of ${sheets.length} (the other${sheets.length - bent.length === 1 ? " is" : "s are"} laser cut only)`;
}

/** Tool sets a part needs: one per inner radius, radii within 0.25 mm sharing one (the same punch). */
export function distinctToolSets(innerRadiiMm: readonly number[]): number {
  return new Set(innerRadiiMm.map((radius) => Math.round(radius * 2))).size;
}
