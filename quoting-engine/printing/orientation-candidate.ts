import type { Vector3 } from "../analysis/analyze-model";

/** An orientation candidate of `chooseBuildOrientations`: an up direction, its footprint and support. */
export interface Candidate {
  index: number;
  up: Vector3;
  axisA: Vector3;
  axisB: Vector3;
  widthMm: number;
  depthMm: number;
  heightMm: number;
  supportAreaMm2: number;
  supportVolumeMm3: number;
  overhangTriangles: number;
  /** The overhanging triangles, when measured on every triangle (the best few on a large mesh). */
  overhang: OverhangList | undefined;
}

/**
 * A candidate as one object literal with every field, the overhang list included: built by spreading
 * (and the list added later), its shape was a new hidden class per part, which died with the part, and
 * the compiled `describe` that had read it was thrown away with it ("weak objects") and compiled again
 * for every part (decision 0101).
 */
export function candidateOf(
  index: number,
  up: Vector3,
  footprint: Pick<Candidate, "axisA" | "axisB" | "widthMm" | "depthMm">,
  estimate: Measured,
): Candidate {
  return {
    index,
    up,
    axisA: footprint.axisA,
    axisB: footprint.axisB,
    widthMm: footprint.widthMm,
    depthMm: footprint.depthMm,
    heightMm: estimate.heightMm,
    supportAreaMm2: estimate.supportAreaMm2,
    supportVolumeMm3: estimate.supportVolumeMm3,
    overhangTriangles: estimate.overhangTriangles,
    overhang: undefined,
  };
}

/** Triangle numbers in order, the first `count` of `triangles`. */
export interface OverhangList {
  triangles: Int32Array<ArrayBuffer>;
  count: number;
}

export type Measured = Pick<
  Candidate,
  "heightMm" | "supportAreaMm2" | "supportVolumeMm3" | "overhangTriangles"
>;
