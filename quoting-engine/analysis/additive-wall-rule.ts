import type { DfmInput, DfmRule } from "./dfm-rules";
import { formatNumber } from "./format-number";
import type { WallLimit } from "./summarize-wall-thickness";
import { processNameInSentence } from "../catalogue/catalogue";

const mm = (value: number) => `${formatNumber(value)} mm`;
const area = (valueMm2: number) => `${formatNumber(Math.round(valueMm2))} mm²`;
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)} %`;

/**
 * An additive process's wall rule: reads the per-process wall report, error only for large thin regions;
 * and, where the map finds no error, the part's box (decision 0114).
 */
export const additiveWall = (limits: WallLimit): DfmRule => ({
  code: "wall_too_thin",
  process: limits.process,
  severity: "warning",
  limit: limits.warningMm,
  check: ({ bbox, features }) => {
    const mapped = wallMapFindings(features, limits);
    if (mapped.some((finding) => finding.severity === "error")) return mapped;
    const name = processNameInSentence(limits.process);
    // No wall of the part is thicker than its box is thin: a part thinner overall than the process's
    // least wall (drawn in metres and read as mm) needs no rays, which lose their way at that scale.
    const size = bbox.max.map((value, axis) => value - bbox.min[axis]!);
    const thinnestSideMm = Math.min(...size);
    if (thinnestSideMm < limits.hardMinimumMm)
      return [
        {
          severity: "error" as const,
          message: `The whole part is ${size.map((value) => formatNumber(value)).join(" × ")} mm, thinner than ${mm(limits.hardMinimumMm)}, the least ${name} can form at all. If it was drawn in another unit, switch the unit beside the size; else thicken it to at least ${mm(limits.warningMm)}.`,
          measured: thinnestSideMm,
          allowed: limits.hardMinimumMm,
          unit: "mm" as const,
          faces: [],
        },
      ];
    return mapped;
  },
});

/** The findings the wall map gives (the region below the hard minimum, or the area below the warning). */
function wallMapFindings(features: DfmInput["features"], limits: WallLimit): ReturnType<DfmRule["check"]> {
  const name = processNameInSentence(limits.process);
  const report = features.wallThickness?.processes.find((entry) => entry.process === limits.process);
  const thinnest = report?.thinnestRegion;
  // Thin slivers smaller than the region threshold alone are no finding (a tangent contact, a facet).
  if (!report || !thinnest || thinnest.thicknessMm >= limits.warningMm - 1e-3) return [];
  const surfaceMm2 = features.wallThickness!.surfaceMm2;
  const regionMm2 = report.largestRegionBelowHardMm2;
  if (regionMm2 > Math.min(limits.cannotMakeAreaMm2, limits.cannotMakeShare * surfaceMm2)) {
    return [
      {
        severity: "error" as const,
        message: `A connected region of ${area(regionMm2)} (${percent(regionMm2 / surfaceMm2)} of the surface) is thinner than ${mm(limits.hardMinimumMm)}, the least ${name} can form at all; its thinnest part is ${mm(thinnest.thicknessMm)}. Thicken the marked walls to at least ${mm(limits.warningMm)}.`,
        measured: thinnest.thicknessMm,
        allowed: limits.hardMinimumMm,
        unit: "mm" as const,
        faces: report.hardFaces,
      },
    ];
  }
  return [
    {
      message: `${area(report.areaBelowMm2)} of the surface (${percent(report.shareBelow)}) is thinner than ${mm(limits.warningMm)}, the least ${name} makes reliably; the thinnest region (${area(thinnest.areaMm2)}) is ${mm(thinnest.thicknessMm)}. The part is priced as drawn, but walls this thin come out weak or incomplete: thicken the marked regions if they matter.`,
      measured: thinnest.thicknessMm,
      allowed: limits.warningMm,
      unit: "mm" as const,
      faces: report.faces,
    },
  ];
}
