import { processNameInSentence, type ManufacturingProcess } from "../catalogue/catalogue";
import type { DfmRule } from "./dfm-rules";
import { formatNumber } from "./format-number";

const mm = (value: number) => `${formatNumber(value)} mm`;

/** A process's thinnest wall (`features.minWallMm`) against a limit per material class. */
const minimumWall = (
  process: ManufacturingProcess,
  limit: number,
  materialClass: "metal" | "plastic",
): DfmRule => ({
  code: "wall_too_thin",
  process,
  severity: "warning",
  limit,
  ...(materialClass ? { materialClass } : {}),
  check: ({ features }, allowed) =>
    features.minWallMm !== undefined && features.minWallMm < allowed
      ? [
          {
            message: `The thinnest wall is ${mm(features.minWallMm)}; ${processNameInSentence(process)}${materialClass ? ` in ${materialClass}` : ""} needs at least ${mm(allowed)}${materialClass ? ", or the wall deflects under the cutter" : ""}. Thicken the marked wall.`,
            measured: features.minWallMm,
            allowed,
            unit: "mm",
            faces: features.minWallFaces,
          },
        ]
      : [],
});

/**
 * The least a milled part may measure across (decision 0122): 0.5 mm, the thinnest wall machining guides
 * allow in metal at all (0.8 mm recommended); a thinner whole part is foil or a unit mistake.
 */
const millingLeastPartMm = 0.5;
const millingRecommendedWallMm = 0.8;

/**
 * Milling refuses a part thinner overall than it can cut from a block: a mesh drawn in metres and read as
 * millimetres (0.06 mm across) was priced as a milled block at €136. The message says to switch the unit.
 */
const millingPartThickness: DfmRule = {
  code: "part_too_thin",
  process: "cnc_milling",
  severity: "error",
  limit: millingLeastPartMm,
  check: ({ bbox }, allowed) => {
    const size = [0, 1, 2].map((axis) => bbox.max[axis]! - bbox.min[axis]!);
    const thinnestSideMm = Math.min(...size);
    return thinnestSideMm < allowed
      ? [
          {
            message: `The whole part is ${size.map(formatNumber).join(" × ")} mm, thinner than ${formatNumber(allowed)} mm: too thin to mill from a block. If it was drawn in another unit, switch the unit beside the size; else thicken it to at least ${formatNumber(millingRecommendedWallMm)} mm.`,
            measured: thinnestSideMm,
            allowed,
            unit: "mm" as const,
            faces: [],
          },
        ]
      : [];
  },
};

/** Milling's wall rules: the thinnest wall in metal and in plastic, and the whole part's thickness. */
export const millingWallRules: DfmRule[] = [
  minimumWall("cnc_milling", 0.8, "metal"),
  minimumWall("cnc_milling", 1.5, "plastic"),
  millingPartThickness,
];
