import type { DfmRule } from "./dfm-rules";
import { formatNumber } from "./format-number";
import type { WallLimit } from "./summarize-wall-thickness";
import { processNameInSentence } from "../catalogue/catalogue";

const mm = (value: number) => `${formatNumber(value)} mm`;
// Whole mm², but a tiny part's few hundredths of a mm² are not "0 mm²".
const area = (valueMm2: number) =>
  `${formatNumber(valueMm2 < 10 ? Math.round(valueMm2 * 100) / 100 : Math.round(valueMm2))} mm²`;
const percent = (share: number) => `${formatNumber(Math.round(share * 1000) / 10)} %`;

/** An additive process's wall rule: reads the per-process wall report, error only for large thin regions. */
export const additiveWall = (limits: WallLimit): DfmRule => ({
  code: "wall_too_thin",
  process: limits.process,
  severity: "warning",
  limit: limits.warningMm,
  check: ({ features }) => {
    const report = features.wallThickness?.processes.find((entry) => entry.process === limits.process);
    const thinnest = report?.thinnestRegion;
    // Thin slivers smaller than the region threshold alone are no finding (a tangent contact, a facet).
    if (!report || !thinnest || thinnest.thicknessMm >= limits.warningMm - 1e-3) return [];
    const surfaceMm2 = features.wallThickness!.surfaceMm2;
    const regionMm2 = report.largestRegionBelowHardMm2;
    const name = processNameInSentence(limits.process);
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
  },
});
