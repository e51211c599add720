import type { CadFormat } from "../catalogue/catalogue";

/** The unit a file was drawn in. Mesh formats without units report "unknown" and are read as millimetres. */
export type SourceUnit = "mm" | "cm" | "m" | "micron" | "inch" | "ft" | "unknown";

export const millimetresPerUnit: Record<Exclude<SourceUnit, "unknown">, number> = {
  mm: 1,
  cm: 10,
  m: 1000,
  micron: 0.001,
  inch: 25.4,
  ft: 304.8,
};

/**
 * The triangles of one body as the file states it: an STL solid, an OBJ object or group, one placed
 * instance of a 3MF object, or a B-rep solid or shell. Coordinates are millimetres in the file's world
 * frame (units converted, transforms applied). Vertices need not be shared: analysis welds them.
 */
export interface MeshPart {
  name?: string;
  /** x, y, z per vertex, millimetres. */
  positions: Float64Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
  /**
   * The reader already merged corners with bit-identical coordinates (and wrote -0 as 0), exactly as
   * analysis would: analysis then skips its own welding pass.
   */
  welded?: boolean;
  /** B-rep face id (index into CadModel.faces) per triangle; absent for mesh formats. */
  faceIds?: Int32Array;
  /** What a B-rep reader says the part is; mesh formats leave it to the topology. */
  kind?: "solid" | "shell";
  /** Measured on the exact B-rep by the kernel; when present, the mesh is only for display. */
  exact?: {
    volumeMm3: number;
    areaMm2: number;
    bbox: { min: [number, number, number]; max: [number, number, number] };
    /** Closed inner shells: empty spaces sealed inside the solid. */
    internalVoids?: number;
  };
}

export type SurfaceType = "plane" | "cylinder" | "cone" | "sphere" | "torus" | "other";

/** One B-rep face with its surface type and parameters, millimetres. */
export interface BrepFace {
  id: number;
  type: SurfaceType;
  radiusMm?: number;
  /** Unit axis direction for cylinders, cones and tori; normal for planes. */
  axis?: [number, number, number];
  /** A point on the axis (cylinder, cone, torus) or the centre (sphere). */
  originMm?: [number, number, number];
  /** Half the apex angle of a cone, degrees. */
  halfAngleDeg?: number;
  /** Torus minor radius. */
  minorRadiusMm?: number;
  areaMm2: number;
}

/** A note for the buyer about the file itself: a repaired defect, an assumed unit. */
export interface EngineNotice {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  faces?: number[];
}

export interface CadModel {
  format: CadFormat;
  sourceUnit: SourceUnit;
  /** Factor the reader applied to the file's coordinates to get millimetres. */
  scaleToMm: number;
  parts: MeshPart[];
  faces: BrepFace[];
  notices: EngineNotice[];
}

export type EngineErrorCode =
  | "empty_file"
  | "truncated"
  | "unsupported_format"
  | "malformed"
  | "no_solid"
  /** Surfaces only, and they do not sew into a closed solid within the tolerance. */
  | "open_surfaces"
  /** A DXF drawing whose lines do not close into an outline, holds none, or holds several parts. */
  | "open_contour"
  | "no_contour"
  | "several_parts"
  /** A DXF drawing with bend lines across the part: a drawing is priced flat, the bent part needs its 3D model. */
  | "bent_drawing"
  | "too_large"
  | "timeout"
  /**
   * The time limit passed while the analysis had the processor for less than half of it: the machine was
   * busy with other work, not the file hard to read. The caller may try it again.
   */
  | "busy_timeout"
  | "out_of_memory"
  /** The service stopped before the analysis ended; the caller hands the file back to its queue. */
  | "interrupted"
  | "internal_error";

export interface EngineError {
  code: EngineErrorCode;
  message: string;
}

/** Expected failures are values: readers and analysis return this instead of throwing. */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

export function engineFailure(code: EngineErrorCode, message: string): { ok: false; error: EngineError } {
  return { ok: false, error: { code, message } };
}
