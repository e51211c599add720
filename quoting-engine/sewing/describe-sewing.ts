import { engineFailure, type EngineNotice } from "../io/cad-model";
import type { Openings } from "./measure-openings";

const millimetres = (value: number) =>
  value >= 10 ? value.toFixed(0) : String(Number(value.toPrecision(2)));

/** The notice on a part whose surfaces were sewn into a closed solid: "Sewn from 214 surfaces …". */
export function sewnNotice(sewnSurfaces: number, toleranceMm: number, closedBodies: number): EngineNotice {
  return {
    code: "sewn_surfaces",
    severity: "info",
    message:
      `Sewn from ${sewnSurfaces} surfaces: the file holds surfaces only, which we joined where they meet ` +
      `(gaps up to ${millimetres(toleranceMm)} mm) into ${closedBodies === 1 ? "a closed solid" : `${closedBodies} closed solids`} ` +
      "and measured. Check the volume against your CAD model.",
  };
}

/**
 * Surfaces that do not close: why, in numbers the buyer can check in their CAD system, and the way on
 * (an engineer's quote with the file, or a closed solid export).
 */
export function openSurfacesFailure(surfaceCount: number, openings: Openings, toleranceMm: number) {
  const edges = `${openings.openEdges} open edge${openings.openEdges === 1 ? "" : "s"}`;
  return engineFailure(
    "open_surfaces",
    `The file holds ${surfaceCount} surface${surfaceCount === 1 ? "" : "s"} and no solid, and they do not close: ` +
      `after sewing gaps up to ${millimetres(toleranceMm)} mm, ${edges} (${millimetres(openings.openLengthMm)} mm in all) remain, ` +
      `with openings up to about ${millimetres(openings.widestGapMm)} mm across (a missing or trimmed-short surface). ` +
      "Without a closed volume we cannot price it instantly: request a quote from an engineer with this file, " +
      "or export the part as a closed solid (STEP).",
  );
}

/**
 * Surfaces that sew shut but meet more than two to an edge: bodies of an assembly touching each other.
 * A mesh cannot tell which surfaces belong to which body there, so no volume is trusted.
 */
export function touchingBodiesFailure(surfaceCount: number, sharedEdges: number) {
  return engineFailure(
    "open_surfaces",
    `The file holds ${surfaceCount} surfaces and no solid. Sewn together they form bodies that touch: ` +
      `${sharedEdges} edge${sharedEdges === 1 ? " is" : "s are"} shared by more than two surfaces, so we cannot tell the bodies apart ` +
      "to measure them. Request a quote from an engineer with this file, or export each part as a closed solid (STEP).",
  );
}
