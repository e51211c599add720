import { analysisContractVersion, type AnalysisReport } from "../../analysis/analyze-file";
import type { SourceUnit } from "../cad-model";
import type { SheetMetalFlatPattern } from "../../analysis/sheet-metal/sheet-metal-types";

/**
 * The analysis report of a flat part drawn in DXF, for the thickness the buyer chose: a plate of the
 * outline's area and that thickness, its sheet-metal block without bends (so laser cutting prices it)
 * and no machining features (a drawing has no B-rep to recognise them in).
 */
export function flatPartReport(
  pattern: SheetMetalFlatPattern,
  thicknessMm: number,
  file: { name: string; bytes: number },
  unit: { sourceUnit: SourceUnit; scaleToMm: number },
): AnalysisReport {
  const t = thicknessMm;
  const bbox = {
    min: [0, 0, 0] as [number, number, number],
    max: [pattern.widthMm, pattern.heightMm, t] as [number, number, number],
  };
  const volumeMm3 = pattern.areaMm2 * t;
  const areaMm2 = 2 * pattern.areaMm2 + pattern.cutLengthMm * t;
  return {
    ok: true,
    version: analysisContractVersion,
    file: { name: file.name, format: "dxf", bytes: file.bytes },
    units: "mm",
    sourceUnit: unit.sourceUnit,
    scaleToMm: unit.scaleToMm,
    bodies: [
      { volumeMm3, areaMm2, bbox, closed: true, triangleCount: 0, triangleShare: 1, internalVoids: 0 },
    ],
    volumeMm3,
    areaMm2,
    bbox,
    faces: [],
    features: {
      holes: [],
      pockets: [],
      slots: [],
      steps: [],
      passages: [],
      fillets: [],
      chamfers: [],
      faceFamilies: [],
      setups: [[0, 0, 1]],
      undercut: false,
      undercutFaces: [],
      turnable: false,
      liveToolingFaces: [],
      minWallFaces: [],
      overhang: { areaMm2: 0, faces: [], upLabel: "+Z" },
      stock: { kind: "block", sizeMm: [pattern.widthMm, pattern.heightMm, t] },
    },
    notices: [],
    dfm: [],
    sheetMetal: { ok: true, thicknessMm: t, kFactor: 0, bends: [], flatPattern: pattern },
    timingsMs: { parse: 0, analyze: 0, total: 0 },
  };
}
