import type { AnalysisReport } from "../analysis/analyze-file";
import { cadFormatNames, processNameInSentence, type ManufacturingProcess } from "../catalogue/catalogue";
import { sheetPartsOf } from "./sheet-metal/sheet-metal-of";

/** A process in a comparison, as far as the recommendation needs it. */
export interface ComparedProcess {
  process: ManufacturingProcess;
  material: { code: string; name: string };
  quantity: number;
  buyer: { unitPriceCents: number; totalPriceCents: number };
  /** The buyer's total with a small-order surcharge where the app adds one (lib/small-orders). */
  totalWithSurchargeCents?: number;
}

/** A cheaper process than the recommended one, and what choosing it changes for the part. */
export interface CheaperAlternative {
  process: ManufacturingProcess;
  /** Buyer's price per part saved against the recommended process (small-order surcharges in), cents. */
  savesCentsPerPart: number;
  /** "printed in PLA filament instead of Aluminium 6061-T6: layer lines, weaker across layers". */
  changes: string;
}

export interface ProcessRecommendation {
  process: ManufacturingProcess;
  /** Why, to follow "Recommended: CNC turning because …": "it is round (⌀30 mm, turned about one axis)". */
  because: string;
  /** True when the part's facts chose the process; false when none did and it is simply the cheapest. */
  designedFor: boolean;
  alternatives: CheaperAlternative[];
}

const plasticPrinting: ManufacturingProcess[] = ["fdm", "sla", "sls", "mjf"];

/** What the buyer pays for the line, surcharge included. */
const totalOf = (quote: ComparedProcess) => quote.totalWithSurchargeCents ?? quote.buyer.totalPriceCents;

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
    alternatives: priced
      .filter((quote) => totalOf(quote) < totalOf(chosen))
      .map((quote) => ({
        process: quote.process,
        savesCentsPerPart: Math.round((totalOf(chosen) - totalOf(quote)) / chosen.quantity),
        changes: changesOf(quote, chosen),
      })),
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

/** What a process makes differently, in a few words. */
const processTraits: Record<ManufacturingProcess, string> = {
  cnc_milling: "milled from a block",
  cnc_turning: "turned from bar",
  fdm: "printed in 0.2 mm layers: visible layer lines, weaker across the layers",
  sla: "printed in resin: smooth, but brittler than a machined or moulded part",
  sls: "sintered from nylon powder: grainy surface, about ±0.3 mm",
  mjf: "fused from nylon powder: grainy grey surface, about ±0.3 mm",
  metal_pbf: "printed in metal: rough surface where supports stood",
  sheet_metal: "cut and bent from sheet",
  laser_cutting: "cut from sheet",
};

function changesOf(alternative: ComparedProcess, chosen: ComparedProcess): string {
  const material =
    alternative.material.code === chosen.material.code
      ? `in ${alternative.material.name}`
      : `in ${alternative.material.name} instead of ${chosen.material.name}`;
  return `${material}; ${processTraits[alternative.process]}`;
}

/** Millimetres as people write them: 30, 2.5. */
const mm = (value: number) => String(Number(value.toFixed(1)));
