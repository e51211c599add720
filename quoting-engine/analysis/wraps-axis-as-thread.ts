import type { DisplayMesh } from "./analyze-model";
import type { Vector3 } from "./cylinder-geometry";

/** Angular sectors the turn around the axis is read in (15° each: a coarse tessellation's corners fill them). */
const sectors = 24;
/** The band of radii a thread fills: its depth, at most this share of its outer radius (M6: 18 %). */
const maxDepthShare = 0.3;
/** Sectors holding corners (this share of them) in which the face must reach across most of its band. */
const sectorsReachingAcross = 0.9;
/** …"most": this share of the band's depth, root to crest. */
const reachAcrossShare = 0.6;

/** A face whose radii differ by less than this share of its radius is a cylinder. */
const cylinderTolerance = 1e-3;

/** How a face without an analytic surface wraps an axis, and the band of radii it fills. */
export interface WoundFace {
  /** `flank`: a thread's flank, root to crest; `round`: one radius all round (a crest, a B-spline cylinder). */
  kind: "flank" | "round";
  minRadiusMm: number;
  maxRadiusMm: number;
}

/**
 * How a face without an analytic surface (a B-spline: how CAD systems export a modelled thread's
 * helical flanks) wraps the axis as a thread does, so that a lathe cuts it: its display triangles lie
 * within a narrow band of radii around the axis (the thread's depth, at most 30 % of its outer radius),
 * they go all the way round, and in every direction from the axis the face reaches from near its root
 * to near its crest, as a helix does along the axis (or lies at one radius all round: the thread's
 * crest, a cylinder exported as a B-spline: `round`). Null for anything else: a cam or an eccentric (one radius per direction) and a
 * gear's tooth flank (a small part of the turn) do not qualify; neither does a wide free-form surface.
 * `axisOriginMm` is in the display mesh's frame.
 */
export function wrapsAxisAsThread(
  mesh: DisplayMesh,
  triangles: readonly number[],
  axisOriginMm: Vector3,
  axis: Vector3,
): WoundFace | null {
  if (triangles.length === 0) return null;
  const { positions, indices } = mesh;
  const [ax, ay, az] = axis;
  const [ox, oy, oz] = axisOriginMm;
  // Two directions square to the axis, to read angles in.
  const reference: Vector3 = Math.abs(ax) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const along0 = reference[0] * ax + reference[1] * ay + reference[2] * az;
  let ux = reference[0] - ax * along0,
    uy = reference[1] - ay * along0,
    uz = reference[2] - az * along0;
  const uLength = Math.hypot(ux, uy, uz);
  ux /= uLength;
  uy /= uLength;
  uz /= uLength;
  const vx = ay * uz - az * uy,
    vy = az * ux - ax * uz,
    vz = ax * uy - ay * ux;
  const sectorMin = new Float64Array(sectors).fill(Infinity);
  const sectorMax = new Float64Array(sectors).fill(-Infinity);
  let minRadius = Infinity;
  let maxRadius = 0;
  const covered = new Uint8Array(sectors);
  const cornerSectors = new Int32Array(3);
  for (const triangle of triangles) {
    for (let corner = 0; corner < 3; corner++) {
      const vertex = indices[triangle * 3 + corner]! * 3;
      const rx = positions[vertex]! - ox,
        ry = positions[vertex + 1]! - oy,
        rz = positions[vertex + 2]! - oz;
      const along = rx * ax + ry * ay + rz * az;
      const px = rx - ax * along,
        py = ry - ay * along,
        pz = rz - az * along;
      const radius = Math.hypot(px, py, pz);
      const angle = Math.atan2(px * vx + py * vy + pz * vz, px * ux + py * uy + pz * uz);
      const sector = Math.min(sectors - 1, Math.floor(((angle + Math.PI) / (2 * Math.PI)) * sectors));
      cornerSectors[corner] = sector;
      if (radius < sectorMin[sector]!) sectorMin[sector] = radius;
      if (radius > sectorMax[sector]!) sectorMax[sector] = radius;
      if (radius < minRadius) minRadius = radius;
      if (radius > maxRadius) maxRadius = radius;
    }
    // The sectors between its corners, the short way round: a coarse tessellation still covers the turn.
    for (let corner = 1; corner < 3; corner++) {
      let step = (cornerSectors[corner]! - cornerSectors[0]! + sectors) % sectors;
      const direction = step <= sectors / 2 ? 1 : -1;
      if (direction === -1) step = sectors - step;
      for (let offset = 0; offset <= step; offset++)
        covered[(cornerSectors[0]! + direction * offset + sectors) % sectors] = 1;
    }
  }
  const depth = maxRadius - minRadius;
  if (!(maxRadius > 0) || depth > maxDepthShare * maxRadius) return null;
  let withCorners = 0;
  let reachingAcross = 0;
  let coveredSectors = 0;
  for (let sector = 0; sector < sectors; sector++) {
    coveredSectors += covered[sector]!;
    if (sectorMax[sector]! < 0) continue;
    withCorners++;
    if (sectorMax[sector]! - sectorMin[sector]! >= reachAcrossShare * depth) reachingAcross++;
  }
  if (coveredSectors < sectors) return null;
  const band = { minRadiusMm: minRadius, maxRadiusMm: maxRadius };
  // One radius all round (a thread's crest, or a cylinder exported as a B-spline): a surface of revolution.
  if (depth <= cylinderTolerance * maxRadius) return { kind: "round", ...band };
  return reachingAcross >= sectorsReachingAcross * withCorners ? { kind: "flank", ...band } : null;
}
