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
  const [ax, ay, az] = axis;
  const [ox, oy, oz] = axisOriginMm;
  const [ux, uy, uz] = u;
  const [vx, vy, vz] = v;
  // Scalars, not a vector per step: turned parts have faces of thousands of triangles. Every sum is
  // taken in the order the vector helpers take it, so the results are the same to the last bit.
  const cornerAngles = new Float64Array(3);
  const corner = new Float64Array(9);
  for (const triangle of triangles) {
    for (let index = 0; index < 3; index++) {
      const vertex = indices[triangle * 3 + index]! * 3;
      const x = positions[vertex]!,
        y = positions[vertex + 1]!,
        z = positions[vertex + 2]!;
      corner[index * 3] = x;
      corner[index * 3 + 1] = y;
      corner[index * 3 + 2] = z;
      const rx = x - ox,
        ry = y - oy,
        rz = z - oz;
      const along = rx * ax + ry * ay + rz * az;
      axialMin = Math.min(axialMin, along);
      axialMax = Math.max(axialMax, along);
      const radialX = rx - ax * along,
        radialY = ry - ay * along,
        radialZ = rz - az * along;
      maxRadius = Math.max(maxRadius, Math.hypot(radialX, radialY, radialZ));
      cornerAngles[index] = Math.atan2(
        radialX * vx + radialY * vy + radialZ * vz,
        radialX * ux + radialY * uy + radialZ * uz,
      );
    }
    const e1x = corner[3]! - corner[0]!,
      e1y = corner[4]! - corner[1]!,
      e1z = corner[5]! - corner[2]!;
    const e2x = corner[6]! - corner[0]!,
      e2y = corner[7]! - corner[1]!,
      e2z = corner[8]! - corner[2]!;
    const nx = e1y * e2z - e1z * e2y,
      ny = e1z * e2x - e1x * e2z,
      nz = e1x * e2y - e1y * e2x;
    const third = 1 / 3;
    const cx = (corner[0]! + corner[3]! + corner[6]!) * third - ox,
      cy = (corner[1]! + corner[4]! + corner[7]!) * third - oy,
      cz = (corner[2]! + corner[5]! + corner[8]!) * third - oz;
    const along = cx * ax + cy * ay + cz * az;
    const radialX = cx - ax * along,
      radialY = cy - ay * along,
      radialZ = cz - az * along;
    inwardness += nx * radialX + ny * radialY + nz * radialZ;
    const angle = Math.atan2(
      radialX * vx + radialY * vy + radialZ * vz,
      radialX * ux + radialY * uy + radialZ * uz,
    );
    // Mark every bin the triangle's corners span, so a coarse mesh still covers the full turn.
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

/** The angular bin of an angle in [-π, π]. */
function binOf(angle: number): number {
  return Math.floor((((angle + Math.PI) / (2 * Math.PI)) * angularBins + angularBins) % angularBins);
}

/**
 * A function of the module, with no closure made per call: made per triangle, the closure cost more
 * than the marking where functions are named at runtime (esbuild's keepNames, as tsx runs the engine).
 */
function markSpan(bins: Uint8Array, centre: number, cornerAngles: Float64Array): void {
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
