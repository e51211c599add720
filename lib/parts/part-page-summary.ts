import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { ManufacturingProcess } from "../../quoting-engine/catalogue/catalogue";
import { flatPatternSummary } from "./flat-pattern-summary";
import { separatePartSummaries } from "./separate-part-summaries";
import type { BuildOrientation } from "../../quoting-engine/printing/choose-build-orientation";

/** What the viewer and the part page say about one process's build orientation. */
export type PrintedOrientation = Pick<
  BuildOrientation,
  "label" | "heightMm" | "footprintMm" | "supportAreaMm2" | "rotation" | "fits"
>;

/**
 * What the part page shows of an analysis, small enough to send to the browser: size, volume, area,
 * feature counts, file notices and every process's manufacturability findings (with their faces).
 */
export function partPageSummary(report: AnalysisReport) {
  const features = report.features;
  const size = report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!) as [
    number,
    number,
    number,
  ];
  return {
    sizeMm: size,
    volumeCm3: report.volumeMm3 / 1000,
    areaCm2: report.areaMm2 / 100,
    // Parts, not shells: a void's wall is no part (reports stored before `shells` count every body).
    bodyCount: report.shells ? report.shells.parts : report.bodies.length,
    sourceUnit: report.sourceUnit,
    // STL and OBJ carry no unit: the buyer may switch it (app/parts/[partId]/unit-switch.tsx).
    meshUnit:
      report.file.format === "stl" || report.file.format === "obj"
        ? {
            current: report.sourceUnit === "unknown" ? "mm" : report.sourceUnit,
            ...(report.suggestedUnit ? { suggested: report.suggestedUnit } : {}),
          }
        : null,
    features: {
      holes: features.holes.length,
      pockets: features.pockets.length,
      slots: features.slots.length,
      steps: features.steps.length,
      passages: features.passages.length,
      fillets: features.fillets.length,
      chamfers: features.chamfers.length,
      setups: features.setups.length,
      undercut: features.undercut,
      turning: turningInWords(features.turnable, features.liveToolingFaces.length),
      ...(features.thread ? { threadMajorDiameterMm: features.thread.majorDiameterMm } : {}),
      ...(features.minWallMm !== undefined ? { minWallMm: features.minWallMm } : {}),
    },
    /** Per additive process: how it is built (printing/choose-build-orientation.ts), for the viewer. */
    buildOrientations: Object.fromEntries(
      Object.entries(features.buildOrientations ?? {}).map(([process, orientation]) => [
        process,
        {
          label: orientation.label,
          heightMm: orientation.heightMm,
          footprintMm: orientation.footprintMm,
          supportAreaMm2: orientation.supportAreaMm2,
          rotation: orientation.rotation,
          fits: orientation.fits,
        },
      ]),
    ) as Partial<Record<ManufacturingProcess, PrintedOrientation>>,
    notices: report.notices.map(({ code, severity, message, faces }) => ({
      code,
      severity,
      message,
      faces: faces ?? [],
    })),
    /** A DXF drawing (issue 23): no 3D view, its sheet thickness chosen by the buyer; null for models. */
    drawing:
      report.file.format === "dxf" && report.sheetMetal?.ok
        ? { thicknessMm: report.sheetMetal.thicknessMm }
        : null,
    /** The unfolded blank of a sheet-metal part (issue 23), or null. */
    flatPattern: flatPatternSummary(report),
    /** Each part of a file of several with sheet parts among them: its process and flat pattern (0116). */
    separateParts: separatePartSummaries(report),
    findings: report.dfm.map((finding, index) => ({
      id: `${finding.process}-${finding.code}-${index}`,
      ...finding,
    })),
  };
}

export type PartPageSummary = ReturnType<typeof partPageSummary>;

/** Whether a lathe makes the part, as the part's facts say it; null when it does not. */
function turningInWords(turnable: boolean, liveToolingFaceCount: number): string | null {
  if (turnable) return "turnable";
  if (liveToolingFaceCount === 0) return null;
  return `turnable, ${liveToolingFaceCount} face${liveToolingFaceCount === 1 ? "" : "s"} milled on the lathe (live tooling)`;
}
