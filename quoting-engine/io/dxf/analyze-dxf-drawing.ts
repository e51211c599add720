import type { AnalysisReport } from "../../analysis/analyze-file";
import type { DisplayMesh } from "../../analysis/analyze-model";
import { engineFailure, type EngineError } from "../cad-model";
import { flatPartReport } from "./flat-part-report";
import { readDxfFlatPattern } from "./read-dxf-flat-pattern";

/**
 * The sheet thickness a DXF drawing is priced at until its buyer chooses one: 2 mm is stocked in every
 * default sheet material (DC01 0.5–3, S235JR 2–20, 1.4301 0.5–12, EN AW-5754 0.8–10 mm) and is the
 * thickness laser-cut brackets and covers are most often ordered in (docs/decisions/0058).
 */
export const defaultDrawingThicknessMm = 2;

/** The thinnest and thickest sheet a buyer may give a drawing (the CLI's bounds; lasers stop far sooner). */
export const drawingThicknessLimitsMm = { min: 0.5, max: 50 } as const;

/**
 * Analyses a DXF drawing of a flat part (issue 23): its flat pattern at the thickness chosen (or the
 * default), as the analysis report laser cutting prices, with an empty display mesh (a drawing has no 3D
 * view; the part page draws the pattern). An open contour, an empty drawing or several parts fail with
 * the reader's message for the buyer, who can then ask for a manual quote. Never throws.
 */
export function analyzeDxfDrawing(
  bytes: Uint8Array,
  fileName: string,
  thicknessMm: number = defaultDrawingThicknessMm,
): { report: AnalysisReport; displayMesh: DisplayMesh } | { ok: false; error: EngineError } {
  if (
    !Number.isFinite(thicknessMm) ||
    thicknessMm < drawingThicknessLimitsMm.min ||
    thicknessMm > drawingThicknessLimitsMm.max
  )
    return engineFailure(
      "malformed",
      `A sheet ${thicknessMm} mm thick cannot be cut; choose ${drawingThicknessLimitsMm.min} to ${drawingThicknessLimitsMm.max} mm.`,
    );
  const read = readDxfFlatPattern(new TextDecoder().decode(bytes));
  if (!read.ok)
    return engineFailure(
      read.error.code === "unreadable_dxf" ? "malformed" : read.error.code,
      read.error.message,
    );
  return {
    report: flatPartReport(read.flatPattern, thicknessMm, { name: fileName, bytes: bytes.length }, read),
    displayMesh: {
      originMm: [0, 0, 0],
      positions: new Float32Array(0),
      indices: new Uint32Array(0),
      faceIds: new Int32Array(0),
      bodyIds: new Uint32Array(0),
    },
  };
}
