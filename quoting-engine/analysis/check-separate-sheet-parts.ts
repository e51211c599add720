import type { BodyReport } from "./analyze-model";
import { checkManufacturability, type DfmFinding } from "./dfm-rules";
import type { Features } from "./recognize-features";
import type { SheetMetalAnalysis } from "./sheet-metal/recognize-sheet-metal";
import { sheetMetalDfmRules } from "./sheet-metal/sheet-metal-dfm-rules";

/**
 * The sheet-metal rules (bend radius, flange length, holes near bends, reliefs, hole sizes, sheet size)
 * run on each sheet part of a file of several, as on a single sheet part (decision 0116). Each finding
 * names its part (`part`, an index into the report's `separateParts`) and says so first in its message,
 * "Part 2 of 3 (60 × 100 × 82 mm): A flange is …"; its faces are the file's face ids, as the viewer marks
 * them. Parts that are not sheet have no findings here.
 */
export function checkSeparateSheetParts(
  sheetParts: readonly ({ analysis: SheetMetalAnalysis; name: string } | undefined)[],
  bodies: readonly BodyReport[],
  partBodies: readonly number[],
  features: Features,
): (DfmFinding & { part: number })[] {
  return sheetParts.flatMap((sheet, part) => {
    if (!sheet?.analysis.detail) return [];
    const body = bodies[partBodies[part]!]!;
    const name = sheet.name.charAt(0).toUpperCase() + sheet.name.slice(1);
    return checkManufacturability(
      { bbox: body.bbox, bodies: [body], features, sheetMetal: sheet.analysis },
      sheetMetalDfmRules,
    ).map((finding) => ({ ...finding, part, message: `${name}: ${finding.message}` }));
  });
}
