import type { ManufacturingProcess } from "../../catalogue/catalogue";
import type { AnalysisReport } from "../../analysis/analyze-file";
import type { MaterialData, PricingData } from "../pricing-data";
import { cutSpeedAt } from "./cut-speed-at";
import { nestBlank } from "./nest-blank";
import { sheetPartsOf } from "./sheet-metal-of";
import { sheetAtMaterialKFactor } from "./sheet-at-material-k-factor";

/** 2, 0.5, 1.25: a length without trailing zeros. */
const mm = (value: number): string => String(Number(value.toFixed(2)));

/** Why a drawing is priced only as laser cutting. */
export const drawingIsLaserCut =
  "A DXF drawing is a flat outline: it is priced as laser cutting. Upload a 3D model (STEP) for other processes.";

export const sheetProcesses = ["sheet_metal", "laser_cutting"] as const;

export function isSheetProcess(process: ManufacturingProcess): process is (typeof sheetProcesses)[number] {
  return process === "sheet_metal" || process === "laser_cutting";
}

/**
 * Why a sheet process cannot price the part by itself: `cannotMake` when the process cannot make it at
 * all (not sheet metal; bends for the laser alone; a flat part, which laser cutting prices), `manual`
 * when a person can (a thickness the material is not stocked in or the laser's table does not reach, a
 * blank larger than every sheet). Empty for the other processes, except that a DXF drawing is made by
 * laser cutting only.
 */
export function sheetMetalReasons(
  report: AnalysisReport,
  process: ManufacturingProcess,
  material: MaterialData,
  data: PricingData,
): { manual: string[]; cannotMake: string[] } {
  // A DXF drawing is an outline and a thickness: laser cutting is what makes it (issue 23).
  if (report.file.format === "dxf" && process !== "laser_cutting")
    return { manual: [], cannotMake: [drawingIsLaserCut] };
  if (!isSheetProcess(process)) return { manual: [], cannotMake: [] };
  // A file of several sheet parts of one thickness: each part's own blank (decision 0110).
  const sheets = sheetPartsOf(report);
  const sheet = sheets[0]!;
  if (!sheet.ok) return { manual: [], cannotMake: [sheet.reason] };
  const several = sheets.length > 1;
  const bends = sheets.reduce((sum, part) => sum + (part.ok ? part.bends.length : 0), 0);
  if (process === "laser_cutting" && bends > 0) {
    // A set of flat and bent parts: sheet metal makes each as it needs, the flat ones cut only (0116).
    const bent = sheets.flatMap((part, index) => (part.ok && part.bends.length > 0 ? [index + 1] : []));
    return {
      manual: [],
      cannotMake: [
        several
          ? `${bent.length === 1 ? `Part ${bent[0]} has` : `Parts ${bent.join(", ")} have`} ${bends} bend${bends === 1 ? "" : "s"}: laser cutting makes flat parts; sheet metal cuts all ${sheets.length} parts and bends ${bent.length === 1 ? "that one" : "those"}.`
          : `The part has ${bends} bend${bends === 1 ? "" : "s"}: laser cutting makes flat parts; sheet metal cuts and bends it.`,
      ],
    };
  }
  if (process === "sheet_metal" && bends === 0)
    return {
      manual: [],
      cannotMake: [
        several
          ? `The ${sheets.length} parts are flat (no bends): they are priced as laser cutting.`
          : "The part is flat (no bends): it is priced as laser cutting.",
      ],
    };
  const manual: string[] = [];
  const settings = data.sheetMetal;
  const stock = settings.materials[material.code];
  const thickness = sheet.thicknessMm;
  if (!stock) manual.push(`${material.name} is not stocked as sheet; our engineers price it.`);
  else {
    if (thickness < stock.minThicknessMm - 1e-6 || thickness > stock.maxThicknessMm + 1e-6)
      manual.push(
        `${material.name} is stocked from ${mm(stock.minThicknessMm)} to ${mm(stock.maxThicknessMm)} mm; the part is ${mm(thickness)} mm thick.`,
      );
    else if (!cutSpeedAt(settings.cutSpeeds, stock.group, thickness))
      manual.push(`Our lasers' cutting table does not reach ${mm(thickness)} mm in ${material.name}.`);
  }
  const pattern = sheets
    .map((part) =>
      !part.ok
        ? sheet.flatPattern
        : stock
          ? sheetAtMaterialKFactor(part, settings.kFactors, stock.group).flatPattern
          : part.flatPattern,
    )
    .find(
      (candidate) =>
        !nestBlank(
          [candidate.widthMm, candidate.heightMm],
          settings.sheetSizesMm,
          settings.partSpacingMm,
          settings.edgeTrimMm,
        ),
    );
  if (pattern) {
    const largest = [...settings.sheetSizesMm].sort((a, b) => b[0] * b[1] - a[0] * a[1])[0];
    manual.push(
      `The flat blank measures ${mm(pattern.widthMm)} × ${mm(pattern.heightMm)} mm; the largest sheet is ${largest ? `${largest[0]} × ${largest[1]}` : "not set"} mm.`,
    );
  }
  return { manual, cannotMake: [] };
}
