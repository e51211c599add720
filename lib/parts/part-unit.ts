import type { MeshUnitChoice } from "../../quoting-engine/analysis/describe-mesh-unit";
import type { MeshUnit } from "../db/generated/enums";

export const meshUnitNames: Record<MeshUnitChoice, string> = {
  mm: "millimetres",
  cm: "centimetres",
  m: "metres",
  inch: "inches",
};

export const toDatabaseUnit: Record<MeshUnitChoice, MeshUnit> = { mm: "MM", cm: "CM", m: "M", inch: "INCH" };

/** The unit a part's STL or OBJ file is read in: the buyer's choice (Part.assumedUnit), or millimetres. */
export function partUnit(part: { assumedUnit: MeshUnit | null }): MeshUnitChoice {
  const unit = part.assumedUnit ?? "MM";
  return (
    (Object.keys(toDatabaseUnit) as MeshUnitChoice[]).find((key) => toDatabaseUnit[key] === unit) ?? "mm"
  );
}
