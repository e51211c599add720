import type { EngineNotice } from "../io/cad-model";
import type { BodyReport } from "./analyze-model";
import { formatNumber } from "./format-number";

/** How the file's closed shells read as things to make. */
export interface ShellSummary {
  /** Separate solid bodies (a shell that is the wall of a void inside another is not one). */
  parts: number;
  /** All parts are the same body (same triangles, volume, area and size), placed apart. */
  identicalParts: boolean;
  /** Shells that are empty spaces sealed inside a part. */
  voids: number;
  /** Bodies left open (not counted). */
  openSurfaces: number;
}

/**
 * Counts the shells as parts and says so: one part says nothing; several different ones are an
 * assembly quoted as one; many copies of one body are a quantity, better quoted as one part.
 */
export function describeShells(bodies: BodyReport[]): { shells: ShellSummary; notices: EngineNotice[] } {
  const parts = bodies.filter((body) => body.closed && body.voidOf === undefined);
  const shells: ShellSummary = {
    parts: parts.length,
    identicalParts: parts.length > 1 && parts.every((body) => sameBody(body, parts[0]!)),
    voids: bodies.filter((body) => body.voidOf !== undefined).length,
    openSurfaces: bodies.filter((body) => !body.closed).length,
  };
  if (parts.length < 2) return { shells, notices: [] };
  const open =
    shells.openSurfaces > 0
      ? ` (and ${shells.openSurfaces} open ${shells.openSurfaces === 1 ? "surface" : "surfaces"})`
      : "";
  if (shells.identicalParts) {
    const first = parts[0]!;
    const size = first.bbox.max.map((value, axis) => formatNumber(value - first.bbox.min[axis]!)).join(" × ");
    return {
      shells,
      notices: [
        {
          code: "identical_bodies",
          severity: "warning",
          message: `The file holds ${parts.length} identical parts (each ${size} mm, ${formatNumber(first.volumeMm3)} mm³)${open}. They are priced as ${parts.length} parts made together, each from its own stock; to order ${parts.length} of one part, upload a file with one of them and set the quantity to ${parts.length}.`,
        },
      ],
    };
  }
  return {
    shells,
    notices: [
      {
        code: "multiple_bodies",
        severity: "warning",
        message: `The file holds ${parts.length} separate bodies${open}, priced as ${parts.length} parts made together: each from its own stock or blank, with its own setups and machine time. Upload them as separate files to quote them one by one.`,
      },
    ],
  };
}

/** Same body placed elsewhere: equal triangle count, and volume, area and sorted box edges within 0.1 %. */
function sameBody(body: BodyReport, other: BodyReport): boolean {
  if (body.triangleCount !== other.triangleCount) return false;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-3 * Math.max(Math.abs(a), Math.abs(b), 1e-9);
  const edges = (report: BodyReport) =>
    report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!).sort((a, b) => a - b);
  const own = edges(body);
  const theirs = edges(other);
  return (
    close(body.volumeMm3, other.volumeMm3) &&
    close(body.areaMm2, other.areaMm2) &&
    own.every((edge, axis) => close(edge, theirs[axis]!))
  );
}
