import type { EngineNotice, SourceUnit } from "../io/cad-model";
import { millimetresPerUnit } from "../io/cad-model";
import { formatNumber } from "./format-number";

/** The units a buyer may choose for a file that carries none (STL, OBJ). */
export const meshUnitChoices = ["mm", "cm", "m", "inch"] as const;
export type MeshUnitChoice = (typeof meshUnitChoices)[number];

const unitNames: Record<MeshUnitChoice, string> = {
  mm: "millimetres",
  cm: "centimetres",
  m: "metres",
  inch: "inches",
};

/**
 * The unit notice for a file without a unit, and the unit its size suggests. Read as millimetres, a part
 * under 0.5 mm across is far likelier a part drawn in metres (Blender and scanning tools default to
 * metres; 0.5 m is a large print), and one under 5 mm a part drawn in inches (up to 127 mm). Between 5 mm
 * and beyond, millimetres is the plausible reading and the notice only says it was assumed. The notice
 * gives the size in each reading, so the buyer can tell at a glance.
 */
export function describeMeshUnit(
  format: string,
  /** The part's box edges as read, in millimetres (already scaled when a unit was chosen). */
  sizeMm: number[],
  chosen: Exclude<SourceUnit, "unknown"> | undefined,
): { notices: EngineNotice[]; suggestedUnit?: "inch" | "m" } {
  const kind = format.toUpperCase();
  const dimensions = (scale: number) => sizeMm.map((value) => formatNumber(value * scale)).join(" × ");
  if (chosen) {
    const name = chosen in unitNames ? unitNames[chosen as MeshUnitChoice] : chosen;
    return {
      notices: [
        {
          code: "units_chosen",
          severity: "info",
          message: `${kind} files carry no unit; measured in ${name}, as chosen: ${dimensions(1)} mm.`,
        },
      ],
    };
  }
  const largest = Math.max(...sizeMm);
  const suggestedUnit = largest < 0.5 ? "m" : largest < 5 ? "inch" : undefined;
  if (!suggestedUnit)
    return {
      notices: [
        {
          code: "units_assumed",
          severity: "info",
          message: `${kind} files carry no unit; we read this one as millimetres (${dimensions(1)} mm). If it was drawn in another unit, switch the unit beside the size.`,
        },
      ],
    };
  const other = suggestedUnit === "inch" ? "m" : "inch";
  return {
    suggestedUnit,
    notices: [
      {
        code: "units_assumed",
        severity: "warning",
        message: `${kind} files carry no unit. Read as millimetres this part is only ${dimensions(1)} mm, which suggests it was drawn in ${unitNames[suggestedUnit]}: then it is ${dimensions(millimetresPerUnit[suggestedUnit])} mm (in ${unitNames[other]}, ${dimensions(millimetresPerUnit[other])} mm). Switch the unit beside the size if millimetres is wrong.`,
      },
    ],
  };
}
