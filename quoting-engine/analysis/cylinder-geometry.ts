import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";

export type Vector3 = [number, number, number];

export const dot = (a: Vector3, b: Vector3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const subtract = (a: Vector3, b: Vector3): Vector3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vector3, factor: number): Vector3 => [a[0] * factor, a[1] * factor, a[2] * factor];
export const norm = (a: Vector3) => Math.hypot(a[0], a[1], a[2]);

/** What the display triangles of one face of revolution tell about it, in the mesh's frame. */
export interface RevolutionFaceShape {
  faceId: number;
  /** Material outside the surface (a hole's wall, an inner corner) rather than inside (a shaft, a rounded edge). */
  concave: boolean;
  /** Extent along the axis, measured from the axis origin, millimetres. */
  axialMinMm: number;
  axialMaxMm: number;
  /** Share of the full turn around the axis that the face covers, 0..1. */
  angularCoverage: number;
  /** Largest distance of a vertex from the axis, millimetres. */
  maxRadiusMm: number;
}

const angularBins = 72;

/**
 * Reads a cylinder's (or cone's, torus's) side, extent along its axis and angular coverage from the
 * face's display triangles. `axisOriginMm` must be in the display mesh's frame (relative to its origin).
 */
export function describeRevolutionFace(
  face: BrepFace,
  axisOriginMm: Vector3,
  mesh: DisplayMesh,
  triangles: number[],
): RevolutionFaceShape {
  const axis = face.axis ?? [0, 0, 1];
  const reference = Math.abs(axis[0]) < 0.9 ? ([1, 0, 0] as Vector3) : ([0, 1, 0] as Vector3);
  const u = normalize(subtract(reference, scale(axis, dot(reference, axis))));
  const v: Vector3 = [
    axis[1] * u[2] - axis[2] * u[1],
    axis[2] * u[0] - axis[0] * u[2],
    axis[0] * u[1] - axis[1] * u[0],
  ];
  const bins = new Uint8Array(angularBins);
  let axialMin = Infinity;
  let axialMax = -Infinity;
  let maxRadius = 0;
  let inwardness = 0;
  const { positions, indices } = mesh;
  for (const triangle of triangles) {
    const corners = [0, 1, 2].map((corner) => {
      const vertex = indices[triangle * 3 + corner]! * 3;
      return [positions[vertex]!, positions[vertex + 1]!, positions[vertex + 2]!] as Vector3;
    });
    for (const corner of corners) {
      const relative = subtract(corner, axisOriginMm);
      const along = dot(relative, axis);
      axialMin = Math.min(axialMin, along);
      axialMax = Math.max(axialMax, along);
      const radial = subtract(relative, scale(axis, along));
      maxRadius = Math.max(maxRadius, norm(radial));
    }
    const [a, b, c] = corners as [Vector3, Vector3, Vector3];
    const e1 = subtract(b, a);
    const e2 = subtract(c, a);
    const normal: Vector3 = [
      e1[1] * e2[2] - e1[2] * e2[1],
      e1[2] * e2[0] - e1[0] * e2[2],
      e1[0] * e2[1] - e1[1] * e2[0],
    ];
    const centroid = subtract(
      scale([a[0] + b[0] + c[0], a[1] + b[1] + c[1], a[2] + b[2] + c[2]], 1 / 3),
      axisOriginMm,
    );
    const radial = subtract(centroid, scale(axis, dot(centroid, axis)));
    inwardness += dot(normal, radial);
    const angle = Math.atan2(dot(radial, v), dot(radial, u));
    // Mark every bin the triangle's corners span, so a coarse mesh still covers the full turn.
    const cornerAngles = corners.map((corner) => {
      const relative = subtract(corner, axisOriginMm);
      const cornerRadial = subtract(relative, scale(axis, dot(relative, axis)));
      return Math.atan2(dot(cornerRadial, v), dot(cornerRadial, u));
    });
    markSpan(bins, angle, cornerAngles);
  }
  let covered = 0;
  for (const bin of bins) covered += bin;
  return {
    faceId: face.id,
    concave: inwardness < 0,
    axialMinMm: axialMin,
    axialMaxMm: axialMax,
    angularCoverage: covered / angularBins,
    maxRadiusMm: maxRadius,
  };
}

function markSpan(bins: Uint8Array, centre: number, cornerAngles: number[]): void {
  const binOf = (angle: number) =>
    Math.floor((((angle + Math.PI) / (2 * Math.PI)) * angularBins + angularBins) % angularBins);
  const centreBin = binOf(centre);
  bins[centreBin] = 1;
  for (const angle of cornerAngles) {
    // Walk the short way from the centre's bin to each corner's bin.
    const target = binOf(angle);
    let step = (target - centreBin + angularBins) % angularBins;
    const direction = step <= angularBins / 2 ? 1 : -1;
    if (direction === -1) step = angularBins - step;
    for (let offset = 0; offset <= step; offset++)
      bins[(centreBin + direction * offset + angularBins) % angularBins] = 1;
  }
}

export function normalize(a: Vector3): Vector3 {
  const length = norm(a) || 1;
  return [a[0] / length, a[1] / length, a[2] / length];
}

/** Two axis lines are the same when parallel and the second's origin lies on the first. */
export function sameAxisLine(
  originA: Vector3,
  axisA: Vector3,
  originB: Vector3,
  axisB: Vector3,
  toleranceMm = 1e-3,
): boolean {
  if (Math.abs(Math.abs(dot(axisA, axisB)) - 1) > 1e-6) return false;
  const offset = subtract(originB, originA);
  const radial = subtract(offset, scale(axisA, dot(offset, axisA)));
  return norm(radial) <= toleranceMm;
}
