import type { AnalysisReport } from "../analysis/analyze-file";
import { cadFormatNames, processNameInSentence, type ManufacturingProcess } from "../catalogue/catalogue";
import { sheetPartsOf } from "./sheet-metal/sheet-metal-of";
import { cheaperAlternatives, type CheaperAlternative, type ComparedProcess } from "./cheaper-alternatives";

export type { CheaperAlternative, ComparedProcess };

export interface ProcessRecommendation {
  process: ManufacturingProcess;
  /** Why, to follow "Recommended: CNC turning because …": "it is round (⌀30 mm, turned about one axis)". */
  because: string;
  /** True when the part's facts chose the process; false when none did and it is simply the cheapest. */
  designedFor: boolean;
  alternatives: CheaperAlternative[];
}

const plasticPrinting: ManufacturingProcess[] = ["fdm", "sla", "sls", "mjf"];

/**
 * The process a buyer expects for the part, from what the part is rather than what is cheapest
 * (decision 0117), among the processes priced at once (cheapest first): a DXF drawing or a flat sheet is
 * laser cut, a bent sheet is sheet metal, a round part is turned, a mesh or a free-form shape is printed
 * (the cheapest plastic printing), a B-rep of flat and cylindrical faces is milled; with none of these,
 * or the process not priced, the cheapest. The cheaper processes are listed with what they change.
 * Returns null when nothing is priced.
 */
export function recommendProcess(
  report: AnalysisReport,
  priced: readonly ComparedProcess[],
): ProcessRecommendation | null {
  if (priced.length === 0) return null;
  const find = (process: ManufacturingProcess) => priced.find((quote) => quote.process === process);
  const choice = designedProcess(report, find, priced);
  const chosen = (choice && find(choice.process)) ?? priced[0]!;
  const because = choice?.because ?? "it is the cheapest way to make it: no process fits its shape better";
  return {
    process: chosen.process,
    because,
    designedFor: Boolean(choice),
    alternatives: cheaperAlternatives(priced, chosen),
  };
}

function designedProcess(
  report: AnalysisReport,
  find: (process: ManufacturingProcess) => ComparedProcess | undefined,
  priced: readonly ComparedProcess[],
): { process: ManufacturingProcess; because: string } | undefined {
  const fileFormat = report.file.format;
  if (fileFormat === "dxf" && find("laser_cutting"))
    return { process: "laser_cutting", because: "it is a flat part drawn in DXF: it is cut from sheet" };
  const sheets = sheetPartsOf(report);
  if (sheets.every((sheet) => sheet.ok)) {
    const thickness = sheets[0]!.ok ? sheets[0]!.thicknessMm : 0;
    const bends = sheets.reduce((sum, sheet) => sum + (sheet.ok ? sheet.bends.length : 0), 0);
    if (bends > 0 && find("sheet_metal"))
      return {
        process: "sheet_metal",
        because: `it is a sheet of ${mm(thickness)} mm with ${bends} bend${bends === 1 ? "" : "s"}: cut flat and bent`,
      };
    if (bends === 0 && find("laser_cutting"))
      return {
        process: "laser_cutting",
        because: `it is a flat sheet of ${mm(thickness)} mm: cut from sheet`,
      };
  }
  const features = report.features;
  if ((features.turnable || features.turningAxis) && find("cnc_turning")) {
    const milled = features.liveToolingFaces.length;
    return {
      process: "cnc_turning",
      because: `it is round${features.maxDiameterMm ? ` (⌀${mm(features.maxDiameterMm)}\u00a0mm)` : ""}: a lathe turns it from bar${milled > 0 ? `, milling ${milled} face${milled === 1 ? "" : "s"} with live tools` : ""}`,
    };
  }
  const printing = priced.find((quote) => plasticPrinting.includes(quote.process));
  if ((fileFormat === "stl" || fileFormat === "obj" || fileFormat === "3mf") && printing)
    return {
      process: printing.process,
      because: `it comes as a mesh (${cadFormatNames[fileFormat]}), the shape 3D printing builds from; ${processNameInSentence(printing.process)} is the cheapest printing`,
    };
  const freeFormShare = freeFormAreaShare(report);
  if (freeFormShare >= 0.3 && printing)
    return {
      process: printing.process,
      because: `${Math.round(freeFormShare * 100)} % of its surface is free-form, which printing builds without tools; ${processNameInSentence(printing.process)} is the cheapest printing`,
    };
  if (report.faces.length > 0 && find("cnc_milling")) {
    const holes = features.holes.length;
    const recesses = features.pockets.length + features.slots.length;
    const named = [
      holes > 0 ? `${holes} hole${holes === 1 ? "" : "s"}` : "",
      recesses > 0
        ? `${recesses} pocket${recesses === 1 ? "" : "s"} or slot${recesses === 1 ? "" : "s"}`
        : "",
    ].filter(Boolean);
    return {
      process: "cnc_milling",
      because: `its faces are flat and cylindrical${named.length > 0 ? `, with ${named.join(" and ")}` : ""}: it is milled from a block to ISO 2768 tolerances`,
    };
  }
  return undefined;
}

/** Share of the part's area on faces that are neither planes, cylinders nor cones (B-rep files). */
function freeFormAreaShare(report: AnalysisReport): number {
  let total = 0;
  let freeForm = 0;
  for (const face of report.faces) {
    total += face.areaMm2;
    if (face.type !== "plane" && face.type !== "cylinder" && face.type !== "cone") freeForm += face.areaMm2;
  }
  return total > 0 ? freeForm / total : 0;
}

/** Millimetres as people write them: 30, 2.5. */
const mm = (value: number) => String(Number(value.toFixed(1)));
