import type { AnalysisReport } from "../analysis/analyze-file";
import type { PrintingProcess } from "./printing-envelopes";

/** What a build-time model needs of the part in its build orientation. */
export interface OrientedBuild {
  heightMm: number;
  /** The rectangle the part takes on the plate, mm². */
  footprintMm2: number;
  /** Footprint × height: what the part takes of a powder bed before nesting, mm³. */
  boxVolumeMm3: number;
  /** Area needing support in this orientation, mm² (0 for powder beds). */
  supportAreaMm2: number;
  /** "+Z up (as drawn)"… */
  label: string;
}

/**
 * The part as the process builds it: from the analysis's chosen orientation
 * (`features.buildOrientations`), or for a report stored before orientations were chosen as the old
 * engine did: square to its axes, the overhang's up axis for processes with supports and the shortest
 * side up for powder beds.
 */
export function orientedBuild(report: AnalysisReport, process: PrintingProcess): OrientedBuild {
  const build = orientedFileBuild(report, process);
  return process === "sls" || process === "mjf" ? nestedPartByPart(report, build) : build;
}

/**
 * A powder bed nests each part of a file of several on its own (decision 0125): the bed holds their
 * boxes, not the box around the whole file with the gaps between its parts (twelve pyramids laid out
 * over 347 × 163 mm, tilted as one to keep their flat faces off the layers, took a box of 5,000 cm³
 * for 195 cm³ of parts). Each part's box is taken as drawn; the file's box where it is the smaller
 * (parts nested into each other in the file).
 */
function nestedPartByPart(report: AnalysisReport, build: OrientedBuild): OrientedBuild {
  const parts = report.separateParts;
  if (!parts || parts.length < 2) return build;
  const boxesMm3 = parts.reduce((sum, part) => {
    const box = report.bodies[part.body]!.bbox;
    return sum + box.max.reduce((volume, value, axis) => volume * (value - box.min[axis]!), 1);
  }, 0);
  if (boxesMm3 >= build.boxVolumeMm3) return build;
  return {
    ...build,
    boxVolumeMm3: boxesMm3,
    footprintMm2: boxesMm3 / Math.max(build.heightMm, 1e-9),
    label: `${parts.length} parts nested one by one, as drawn`,
  };
}

/** The file's closed bodies as one, in the orientation the analysis chose for the process. */
function orientedFileBuild(report: AnalysisReport, process: PrintingProcess): OrientedBuild {
  const chosen = report.features.buildOrientations?.[process];
  if (chosen) {
    const footprintMm2 = chosen.footprintMm[0] * chosen.footprintMm[1];
    return {
      heightMm: chosen.heightMm,
      footprintMm2,
      boxVolumeMm3: footprintMm2 * chosen.heightMm,
      supportAreaMm2: chosen.supportAreaMm2,
      label: chosen.label,
    };
  }
  const size = report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
  const powderBed = process === "sls" || process === "mjf";
  const upAxis = powderBed
    ? size.indexOf(Math.min(...size))
    : Math.max(0, "XYZ".indexOf(report.features.overhang.upLabel.slice(1, 2)));
  const heightMm = size[upAxis]!;
  const boxVolumeMm3 = size[0]! * size[1]! * size[2]!;
  return {
    heightMm,
    footprintMm2: boxVolumeMm3 / Math.max(heightMm, 1e-9),
    boxVolumeMm3,
    supportAreaMm2: powderBed ? 0 : report.features.overhang.areaMm2,
    label: powderBed ? `${"XYZ"[upAxis]} up` : report.features.overhang.upLabel,
  };
}
