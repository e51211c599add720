import type { Vector3 } from "../analysis/analyze-model";
import { measureTriangles, type TriangleMeasures } from "../analysis/measure-triangles";
import { findOrientationCandidates } from "./find-orientation-candidates";
import { growInt32 } from "./grow-typed-array";
import { minimumAreaRectangle } from "./minimum-area-rectangle";
import { orientationLabel } from "./orientation-label";
import { candidateOf, type Candidate, type Measured, type OverhangList } from "./orientation-candidate";
import { extentAlong, vertexExtents, type VertexExtents } from "./vertex-extents";
import { warmOnSmallMesh } from "../analysis/small-shape-mesh";
import {
  orientationGoals,
  printingEnvelopesMm,
  printingProcesses,
  type PrintingProcess,
} from "./printing-envelopes";

/** How one process builds the part: which way up, how tall, how much it stands on and needs support under. */
export interface BuildOrientation {
  /** The part's direction (its own frame, as drawn) that points up on the machine. */
  up: Vector3;
  /**
   * Rows: the plate's x, the plate's y and up, in the part's frame (a proper rotation, row-major): a
   * point p of the part sits at R·p on the machine. +Z up as drawn is the identity.
   */
  rotation: [number, number, number, number, number, number, number, number, number];
  /** "+Z up (as drawn)", "-X up", "tilted 35° from +Z towards +X". */
  label: string;
  heightMm: number;
  /** The smallest rectangle on the plate around the part, longer side first, mm. */
  footprintMm: [number, number];
  /** Area facing down more steeply than the self-supporting angle, off the plate, mm². 0 for powder beds. */
  supportAreaMm2: number;
  /** Columns from that area straight down to the plate (solid; the process's fill share applies), mm³. */
  supportVolumeMm3: number;
  /** Faces with triangles needing support (B-rep faces or mesh regions) and how many triangles. */
  overhangFaces: number[];
  overhangTriangles: number;
  /** Within the largest machine's build volume (printing-envelopes.ts). */
  fits: boolean;
}

/** The mesh facts orientation needs (a DisplayMesh has them). */
export interface OrientationMesh {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  faceIds: ArrayLike<number>;
}

export type BuildOrientations = Record<PrintingProcess, BuildOrientation>;

export interface ChooseOrientationOptions {
  /** Steepest downward slope printed without support, degrees from horizontal (45 is the common rule). */
  selfSupportingDeg?: number;
  envelopesMm?: Record<PrintingProcess, [number, number, number]>;
}

/** Triangles looked at per candidate when ranking (every one on smaller meshes). */
const sampledTriangles = 131_072;
/** Candidates with the least estimated support measured again on every triangle. */
const exactlyMeasured = 3;
/**
 * Support volumes within the least plus the surface times this are alike for FDM (a quarter of a 0.2 mm
 * layer over the whole part: a few minutes of printing at most), mm.
 */
const volumeBandPerAreaMm = 0.05;

/**
 * The build orientation of every additive process. Candidates: the six axes, the largest flat faces and
 * the convex hull's largest facets laid on the plate (find-orientation-candidates.ts). Each is measured in
 * one pass over the vertices and one over the triangles (typed arrays; a sample of them on large meshes):
 * height, supported area and volume;
 * its footprint is the smallest rectangle around the part's extreme points. Per process: those that fit
 * the largest machine (all when none does), then the least support for processes with supports (SLA and
 * metal PBF: supported area within 1 % of the surface or 1 mm²; FDM: support volume within 5 % plus
 * the surface × 0.05 mm; printing-envelopes.ts says why), then the lowest height (FDM: then the least
 * supported area), then (powder beds) the smallest box, then
 * the orientation closest to the drawing's +Z up, then the candidate order: the same part always gets the
 * same answer.
 */
export function chooseBuildOrientations(
  mesh: OrientationMesh,
  triangles: TriangleMeasures = measureTriangles(mesh.positions, mesh.indices),
  options: ChooseOrientationOptions = {},
): BuildOrientations {
  warmOnSmallMesh("orienting", warmOrienting);
  const envelopes = options.envelopesMm ?? printingEnvelopesMm;
  const limit = Math.sin(((options.selfSupportingDeg ?? 45) * Math.PI) / 180);
  const { ups, extremePoints } = findOrientationCandidates(mesh.positions, triangles);
  const vertices = vertexExtents(mesh.positions);
  // On a large mesh every candidate is first ranked on a sample of triangles; the best few are then
  // measured on all of them (the chosen one always is, in `describe`).
  const stride = Math.max(1, Math.ceil(triangles.areas.length / sampledTriangles));
  const directions = Array.from({ length: ups.length / 3 }, (_, index): Vector3 => [
    ups[index * 3]!,
    ups[index * 3 + 1]!,
    ups[index * 3 + 2]!,
  ]);
  // Each direction's extent once (the closure is read here, not inside the pass over the triangles).
  const extents = directions.map((direction) => extentAlong(vertices, direction));
  const estimates = measureAlongEach(directions, extents, mesh, triangles, limit, stride);
  const candidates = directions.map((up, index) =>
    candidateOf(index, up, footprintOf(up, extremePoints), estimates[index]!),
  );
  if (stride > 1) {
    // The few with the least estimated supported area, and those with the least support volume (FDM's).
    const byArea = [...candidates].sort((a, b) => a.supportAreaMm2 - b.supportAreaMm2);
    const byVolume = [...candidates].sort((a, b) => a.supportVolumeMm3 - b.supportVolumeMm3);
    const best = [...new Set([...byArea.slice(0, exactlyMeasured), ...byVolume.slice(0, exactlyMeasured)])];
    // The overhanging triangles are kept, so that describing the chosen one needs no second pass.
    const overhangs = best.map(overhangList);
    const exact = measureAlongEach(
      best.map((candidate) => candidate.up),
      best.map((candidate) => extents[candidate.index]!),
      mesh,
      triangles,
      limit,
      1,
      overhangs,
    );
    best.forEach((candidate, index) => {
      const measured = exact[index]!;
      candidate.heightMm = measured.heightMm;
      candidate.supportAreaMm2 = measured.supportAreaMm2;
      candidate.supportVolumeMm3 = measured.supportVolumeMm3;
      candidate.overhangTriangles = measured.overhangTriangles;
      candidate.overhang = overhangs[index];
    });
  }
  const surfaceMm2 = sumOf(triangles.areas);
  const band = Math.max(1, surfaceMm2 * 0.01);
  const volumeBand = Math.max(1, surfaceMm2 * volumeBandPerAreaMm);
  const chosen = {} as BuildOrientations;
  const described = new Map<number, BuildOrientation>();
  for (const process of printingProcesses) {
    const envelope = envelopes[process];
    const fitting = candidates.filter((candidate) => fits(candidate, envelope));
    let pool = fitting.length > 0 ? fitting : candidates;
    const goal = orientationGoals[process].supports;
    if (goal === "area") {
      const least = Math.min(...pool.map((candidate) => candidate.supportAreaMm2));
      pool = pool.filter((candidate) => candidate.supportAreaMm2 <= least + band);
    } else if (goal === "volume") {
      const least = Math.min(...pool.map((candidate) => candidate.supportVolumeMm3));
      pool = pool.filter((candidate) => candidate.supportVolumeMm3 <= least * 1.05 + volumeBand);
    }
    const lowest = Math.min(...pool.map((candidate) => candidate.heightMm));
    pool = pool.filter((candidate) => candidate.heightMm <= lowest * (1 + 1e-6) + 1e-9);
    if (goal === "volume") {
      // Alike in volume and height: the fewer marks of supports.
      const least = Math.min(...pool.map((candidate) => candidate.supportAreaMm2));
      pool = pool.filter((candidate) => candidate.supportAreaMm2 <= least + band);
    }
    if (!goal) {
      const box = (candidate: Candidate) => candidate.widthMm * candidate.depthMm * candidate.heightMm;
      const smallest = Math.min(...pool.map(box));
      pool = pool.filter((candidate) => box(candidate) <= smallest * (1 + 1e-6) + 1e-9);
    }
    // Least turned from the drawing (most +Z up) among equals, then the candidate order.
    const best = pool.reduce((kept, candidate) => (candidate.up[2] > kept.up[2] + 1e-9 ? candidate : kept));
    // Powder beds need no supports: their description skips the pass over the triangles.
    const supports = orientationGoals[process].supports !== false;
    const key = supports ? best.index : -1 - best.index;
    let orientation = described.get(key) ?? (supports ? undefined : described.get(best.index));
    if (!orientation) {
      orientation = describe(best, extents[best.index]!, mesh, triangles, limit, supports, vertices);
      described.set(key, orientation);
    }
    chosen[process] = {
      ...orientation,
      fits: fits(best, envelope),
      ...(supports
        ? {}
        : { supportAreaMm2: 0, supportVolumeMm3: 0, overhangFaces: [], overhangTriangles: 0 }),
    };
  }
  return chosen;
}

/** Orients the small mesh a few times before this thread's first part (see small-shape-mesh.ts). */
function warmOrienting(mesh: OrientationMesh, triangles: TriangleMeasures): void {
  for (let run = 0; run < 3; run++) chooseBuildOrientations(mesh, triangles);
}

function fits(candidate: Candidate, envelope: [number, number, number]): boolean {
  const [plateLong, plateShort] = envelope[0] >= envelope[1] ? envelope : [envelope[1], envelope[0]];
  return (
    candidate.heightMm <= envelope[2] && candidate.widthMm <= plateLong && candidate.depthMm <= plateShort!
  );
}

/**
 * Height, supported area and support columns with each of `ups` up, in one pass over the triangles: each
 * triangle's normal, area and corners are read once for every direction (a pass per direction read them
 * from memory again each time), and each direction's sums still add its triangles in triangle order.
 * With `stride` above 1 only every stride-th triangle is looked at and the sums are scaled up: an
 * estimate, for ranking many candidates on a large mesh before the best few are measured exactly.
 * `overhangs`, when given, receive each direction's overhanging triangles.
 */
function measureAlongEach(
  ups: Vector3[],
  extents: { low: number; high: number }[],
  { positions, indices }: Omit<OrientationMesh, "faceIds">,
  { normals, areas, centroids }: TriangleMeasures,
  limit: number,
  stride = 1,
  overhangs?: OverhangList[],
): Measured[] {
  const count = ups.length;
  const directions = new Float64Array(count * 3);
  const lows = new Float64Array(count);
  const onPlates = new Float64Array(count);
  // Above this height a triangle's centre shows that some corner is above `onPlate` (see below).
  const clearOfPlates = new Float64Array(count);
  const heights = new Float64Array(count);
  // Directions whose extent is no number (no vertices) measure nothing.
  const measured = new Uint8Array(count);
  for (let index = 0; index < count; index++) {
    const up = ups[index]!;
    directions.set(up, index * 3);
    const { low, high } = extents[index]!;
    if (!(high >= low)) continue;
    measured[index] = 1;
    lows[index] = low;
    heights[index] = high - low;
    onPlates[index] = low + 1e-4 * Math.max(1, high - low);
    // A centre is the corners' mean: when every corner is at most `onPlate` high, so is the centre, but
    // for rounding (a few units in the last place of the largest height, far below this margin).
    clearOfPlates[index] = onPlates[index]! + 1e-9 * (1 + Math.abs(low) + Math.abs(high));
  }
  const supportAreas = new Float64Array(count);
  const supportVolumes = new Float64Array(count);
  const overhangCounts = new Float64Array(count);
  for (let triangle = 0; triangle < areas.length; triangle += stride) {
    const area = areas[triangle]!;
    if (!(area > 0)) continue;
    const nx = normals[triangle * 3]!,
      ny = normals[triangle * 3 + 1]!,
      nz = normals[triangle * 3 + 2]!;
    const cx = centroids[triangle * 3]!,
      cy = centroids[triangle * 3 + 1]!,
      cz = centroids[triangle * 3 + 2]!;
    for (let index = 0; index < count; index++) {
      if (!measured[index]) continue;
      const ux = directions[index * 3]!,
        uy = directions[index * 3 + 1]!,
        uz = directions[index * 3 + 2]!;
      const facing = nx * ux + ny * uy + nz * uz;
      if (facing > -limit) continue;
      const centre = cx * ux + cy * uy + cz * uz;
      // Lying on the plate: every corner at the bottom. Only a triangle whose centre is that low can be;
      // the corners (scattered over the vertices) are read for those alone.
      if (!(centre > clearOfPlates[index]!)) {
        const onPlate = onPlates[index]!;
        const a = indices[triangle * 3]! * 3,
          b = indices[triangle * 3 + 1]! * 3,
          c = indices[triangle * 3 + 2]! * 3;
        if (
          positions[a]! * ux + positions[a + 1]! * uy + positions[a + 2]! * uz <= onPlate &&
          positions[b]! * ux + positions[b + 1]! * uy + positions[b + 2]! * uz <= onPlate &&
          positions[c]! * ux + positions[c + 1]! * uy + positions[c + 2]! * uz <= onPlate
        )
          continue;
      }
      supportAreas[index] = supportAreas[index]! + area;
      supportVolumes[index] = supportVolumes[index]! + area * -facing * (centre - lows[index]!);
      overhangCounts[index] = overhangCounts[index]! + 1;
      const overhang = overhangs?.[index];
      if (overhang) {
        if (overhang.count === overhang.triangles.length) overhang.triangles = growInt32(overhang.triangles);
        overhang.triangles[overhang.count++] = triangle;
      }
    }
  }
  return ups.map((_, index) =>
    measured[index]
      ? {
          heightMm: heights[index]!,
          supportAreaMm2: supportAreas[index]! * stride,
          supportVolumeMm3: supportVolumes[index]! * stride,
          overhangTriangles: overhangCounts[index]! * stride,
        }
      : { heightMm: 0, supportAreaMm2: 0, supportVolumeMm3: 0, overhangTriangles: 0 },
  );
}

/** The values' sum, in order (a loop of its own, so that it runs optimised from the second part on). */
function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index]!;
  return sum;
}

/** An empty list of overhanging triangles. */
function overhangList(): OverhangList {
  return { triangles: new Int32Array(1024), count: 0 };
}
/** The smallest rectangle on the plate around the extreme points, its longer side along the plate's x. */
function footprintOf(
  up: Vector3,
  points: Float64Array,
): Pick<Candidate, "axisA" | "axisB" | "widthMm" | "depthMm"> {
  const first = planeAxis(up);
  const second = cross(up, first);
  const projected = new Float64Array((points.length / 3) * 2);
  for (let index = 0; index < points.length / 3; index++) {
    const point: Vector3 = [points[index * 3]!, points[index * 3 + 1]!, points[index * 3 + 2]!];
    projected[index * 2] = dot(point, first);
    projected[index * 2 + 1] = dot(point, second);
  }
  const rectangle = minimumAreaRectangle(projected);
  const cos = Math.cos(rectangle.angle),
    sin = Math.sin(rectangle.angle);
  let axisA: Vector3 = [0, 1, 2].map((axis) => cos * first[axis]! + sin * second[axis]!) as Vector3;
  let axisB = cross(up, axisA);
  let [widthMm, depthMm] = [rectangle.widthMm, rectangle.depthMm];
  if (depthMm > widthMm) {
    [axisA, axisB] = [axisB, axisA.map((value) => -value) as Vector3];
    [widthMm, depthMm] = [depthMm, widthMm];
  }
  return { axisA, axisB, widthMm, depthMm };
}

/** The chosen candidate in full: exact footprint from every vertex, and the faces to mark. */
function describe(
  candidate: Candidate,
  extent: { low: number; high: number },
  mesh: OrientationMesh,
  triangles: TriangleMeasures,
  limit: number,
  supports: boolean,
  vertices: VertexExtents,
): BuildOrientation {
  const { up, axisA, axisB } = candidate;
  const faces = new Set<number>();
  let measured: Measured = {
    heightMm: candidate.heightMm,
    supportAreaMm2: 0,
    supportVolumeMm3: 0,
    overhangTriangles: 0,
  };
  if (supports) {
    // Measured on every triangle already (one of the best few on a large mesh): the same numbers.
    const overhang = candidate.overhang ?? overhangList();
    measured = candidate.overhang
      ? candidate
      : measureAlongEach([up], [extent], mesh, triangles, limit, 1, [overhang])[0]!;
    // Neighbouring overhanging triangles mostly share a face: the set is asked only when it changes.
    let last = -1;
    for (let index = 0; index < overhang.count; index++) {
      const face = mesh.faceIds[overhang.triangles[index]!] ?? -1;
      if (face >= 0 && face !== last) faces.add(face);
      last = face;
    }
  }
  const size = (axis: Vector3) => {
    const { low, high } = extentAlong(vertices, axis);
    return high >= low ? high - low : 0;
  };
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return {
    up: up.map(round) as Vector3,
    rotation: [...axisA, ...axisB, ...up].map(round) as BuildOrientation["rotation"],
    label: orientationLabel(up),
    heightMm: measured.heightMm,
    footprintMm: [size(axisA), size(axisB)],
    supportAreaMm2: measured.supportAreaMm2,
    supportVolumeMm3: measured.supportVolumeMm3,
    overhangFaces: [...faces].sort((a, b) => a - b),
    overhangTriangles: measured.overhangTriangles,
    fits: true,
  };
}

function planeAxis(up: Vector3): Vector3 {
  // +Z and -Z up keep the drawing's x along the plate's x; sideways ups keep z or x in the plane.
  const reference: Vector3 = Math.abs(up[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const along = dot(reference, up);
  const axis = reference.map((value, index) => value - along * up[index]!) as Vector3;
  const length = Math.hypot(...axis);
  return axis.map((value) => value / length) as Vector3;
}

function dot(a: Vector3, b: Vector3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
