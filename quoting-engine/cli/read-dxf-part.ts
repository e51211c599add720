import type { AnalysisReport } from "../analysis/analyze-file";
import { flatPartReport } from "../io/dxf/flat-part-report";
import { readDxfFlatPattern } from "../io/dxf/read-dxf-flat-pattern";

/**
 * A DXF drawing as the CLI prices it: the flat pattern at the thickness given with --thickness (the
 * buyer's choice; a drawing carries none), or why not.
 */
export function readDxfPart(
  bytes: Uint8Array,
  fileName: string,
  thicknessText: string | undefined,
): { ok: true; report: AnalysisReport } | { ok: false; code: string; message: string } {
  const thicknessMm = Number(thicknessText);
  if (thicknessText === undefined || !Number.isFinite(thicknessMm) || thicknessMm <= 0 || thicknessMm > 50)
    return {
      ok: false,
      code: "usage",
      message: "A DXF drawing carries no thickness: give it with --thickness MM (e.g. --thickness 2).",
    };
  const read = readDxfFlatPattern(new TextDecoder().decode(bytes));
  if (!read.ok) return { ok: false, code: read.error.code, message: read.error.message };
  return {
    ok: true,
    report: flatPartReport(read.flatPattern, thicknessMm, { name: fileName, bytes: bytes.length }, read),
  };
}
