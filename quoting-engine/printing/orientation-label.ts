import type { Vector3 } from "../analysis/analyze-model";

const axisNames = ["X", "Y", "Z"] as const;
/** Within half a degree of an axis, the part is printed "with that axis up". */
const onAxisCos = Math.cos((0.5 * Math.PI) / 180);

/**
 * A buyer-readable name for an up direction in the part's own frame: "+Z up (as drawn)", "-Z up (upside
 * down)", "+X up", or for a tilted part "tilted 35° from +Z towards +X".
 */
export function orientationLabel(up: Vector3): string {
  const magnitudes = up.map(Math.abs);
  const main = magnitudes.indexOf(Math.max(...magnitudes));
  const sign = (value: number) => (value >= 0 ? "+" : "-");
  const mainName = `${sign(up[main]!)}${axisNames[main]}`;
  if (magnitudes[main]! >= onAxisCos) {
    if (mainName === "+Z") return "+Z up (as drawn)";
    if (mainName === "-Z") return "-Z up (upside down)";
    return `${mainName} up`;
  }
  const tilt = Math.round((Math.acos(Math.min(1, magnitudes[main]!)) * 180) / Math.PI);
  const others = [0, 1, 2].filter((axis) => axis !== main);
  const towards = magnitudes[others[0]!]! >= magnitudes[others[1]!]! ? others[0]! : others[1]!;
  return `tilted ${tilt}° from ${mainName} towards ${sign(up[towards]!)}${axisNames[towards]}`;
}
