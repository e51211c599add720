import type { TriangleMeasures } from "../analysis/measure-triangles";

export interface OrientationCandidates {
  /** Unit up vectors in the part's frame, x, y, z per candidate; the six axes first, +Z (as drawn) first. */
  ups: Float64Array;
  /** Points of the part extreme along many directions (a subset of its convex hull's corners), x, y, z. */
  extremePoints: Float64Array;
}

/** Largest flat regions and hull facets tried, each way down onto the plate. */
const flatFaceCandidates = 8;
const hullFacetCandidates = 8;
/** Two ups closer than this (about 1.1°) are one candidate. */
const sameDirectionCos = 0.9998;

/**
 * The directions worth printing "up": the six axes, the largest flat faces laid on the plate (normals
 * binned on a cube map, area-weighted) and the largest facets of the convex hull laid on the plate (the
 * stable resting positions of the part, as in Fu et al. 2008 and Ezair et al. 2015). The hull is
 * built from the part's extreme points along 42 directions: every hull facet found is a true support plane
 * of the part, and the few dozen points make a brute-force hull cheaper than a general one on every vertex.
 */
export function findOrientationCandidates(
  positions: ArrayLike<number>,
  triangles: TriangleMeasures,
): OrientationCandidates {
  const ups: number[] = [];
  addUp(ups, 0, 0, 1);
  addUp(ups, 0, 0, -1);
  addUp(ups, 1, 0, 0);
  addUp(ups, -1, 0, 0);
  addUp(ups, 0, 1, 0);
  addUp(ups, 0, -1, 0);
  for (const normal of largestFlatNormals(triangles)) addUp(ups, -normal[0], -normal[1], -normal[2]);
  const extremePoints = extremePointsOf(positions);
  for (const normal of largestHullFacetNormals(extremePoints)) addUp(ups, -normal[0], -normal[1], -normal[2]);
  return { ups: Float64Array.from(ups), extremePoints };
}

type Normal = [number, number, number];

/**
 * Adds the unit vector along (x, y, z) to `ups` unless one within `sameDirectionCos` is there. A module
 * function: a closure made per part lost its compiled code with the part (decision 0101).
 */
function addUp(ups: number[], x: number, y: number, z: number): void {
  const length = Math.hypot(x, y, z);
  if (!(length > 0)) return;
  const [ux, uy, uz] = [x / length, y / length, z / length];
  for (let index = 0; index < ups.length; index += 3)
    if (ups[index]! * ux + ups[index + 1]! * uy + ups[index + 2]! * uz > sameDirectionCos) return;
  ups.push(ux, uy, uz);
}

/** Area-weighted mean normals of the fullest cube-map bins (16 × 16 per cube face, about 6° wide). */
function largestFlatNormals({ normals, areas }: TriangleMeasures): Normal[] {
  const side = 16;
  const bins = 6 * side * side;
  const area = new Float64Array(bins);
  const sum = new Float64Array(bins * 3);
  let total = 0;
  // A spread sample is enough to find the large flat regions on a big mesh.
  const stride = Math.max(1, Math.ceil(areas.length / 262_144));
  for (let triangle = 0; triangle < areas.length; triangle += stride) {
    const a = areas[triangle]!;
    if (!(a > 0)) continue;
    const x = normals[triangle * 3]!,
      y = normals[triangle * 3 + 1]!,
      z = normals[triangle * 3 + 2]!;
    const ax = Math.abs(x),
      ay = Math.abs(y),
      az = Math.abs(z);
    // Scalars, not an array per triangle (a quarter of a million short-lived arrays on a big mesh), each
    // starting as a number: a `let` without one starts undefined, and optimised code then keeps the
    // loop's doubles boxed (a heap number per triangle and variable).
    let face = 0,
      u = 0,
      v = 0,
      m = 0;
    if (ax >= ay && ax >= az) {
      face = x > 0 ? 0 : 1;
      u = y;
      v = z;
      m = ax;
    } else if (ay >= az) {
      face = y > 0 ? 2 : 3;
      u = x;
      v = z;
      m = ay;
    } else {
      face = z > 0 ? 4 : 5;
      u = x;
      v = y;
      m = az;
    }
    const i = Math.min(side - 1, Math.floor(((u / m + 1) / 2) * side));
    const j = Math.min(side - 1, Math.floor(((v / m + 1) / 2) * side));
    const bin = (face * side + i) * side + j;
    area[bin] = area[bin]! + a;
    sum[bin * 3] = sum[bin * 3]! + x * a;
    sum[bin * 3 + 1] = sum[bin * 3 + 1]! + y * a;
    sum[bin * 3 + 2] = sum[bin * 3 + 2]! + z * a;
    total += a;
  }
  const order = Array.from({ length: bins }, (_, bin) => bin)
    .filter((bin) => area[bin]! >= total * 0.01)
    .sort((a, b) => area[b]! - area[a]! || a - b)
    .slice(0, flatFaceCandidates);
  return order.map((bin) => [sum[bin * 3]!, sum[bin * 3 + 1]!, sum[bin * 3 + 2]!]);
}

/** The 26 directions of a 3 × 3 × 3 cube's outer cells and 16 spread over the sphere (Fibonacci). */
const sampleDirections: number[] = (() => {
  const directions: number[] = [];
  for (let x = -1; x <= 1; x++)
    for (let y = -1; y <= 1; y++)
      for (let z = -1; z <= 1; z++) {
        if (x === 0 && y === 0 && z === 0) continue;
        const length = Math.hypot(x, y, z);
        directions.push(x / length, y / length, z / length);
      }
  const count = 16;
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let index = 0; index < count; index++) {
    const z = 1 - ((index + 0.5) / count) * 2;
    const radius = Math.sqrt(1 - z * z);
    directions.push(Math.cos(golden * index) * radius, Math.sin(golden * index) * radius, z);
  }
  return directions;
})();

function extremePointsOf(positions: ArrayLike<number>): Float64Array {
  const directionCount = sampleDirections.length / 3;
  const which = new Int32Array(directionCount).fill(-1);
  const d = sampleDirections;
  // Every vertex up to 65,536, a spread sample beyond: the candidates' directions need not be exact (each
  // candidate is then measured on every vertex), and a sample's hull facets are close to the part's.
  const stride = Math.max(1, Math.ceil(positions.length / 3 / 65_536));
  const vertexCount = positions.length / 3;
  const best = new Float64Array(directionCount).fill(-Infinity);
  // A block of sampled vertices at a time (it stays in cache), one direction at a time over it: the
  // direction and its best value and vertex stay in registers. Blocks and vertices in order, so the
  // first vertex of the highest value wins, as in a pass over the vertices.
  const block = 1024 * stride;
  for (let start = 0; start < vertexCount; start += block) {
    const end = Math.min(vertexCount, start + block);
    for (let direction = 0; direction < directionCount; direction++) {
      const dx = d[direction * 3]!,
        dy = d[direction * 3 + 1]!,
        dz = d[direction * 3 + 2]!;
      let bestValue = best[direction]!;
      let bestVertex = which[direction]!;
      for (let vertex = start; vertex < end; vertex += stride) {
        const value =
          positions[vertex * 3]! * dx + positions[vertex * 3 + 1]! * dy + positions[vertex * 3 + 2]! * dz;
        if (value > bestValue) {
          bestValue = value;
          bestVertex = vertex;
        }
      }
      best[direction] = bestValue;
      which[direction] = bestVertex;
    }
  }
  const unique = [...new Set(which)].filter((vertex) => vertex >= 0).sort((a, b) => a - b);
  return Float64Array.from(
    unique.flatMap((vertex) => [
      positions[vertex * 3]!,
      positions[vertex * 3 + 1]!,
      positions[vertex * 3 + 2]!,
    ]),
  );
}

/**
 * Facets of the hull of a few dozen points, by brute force: a triangle of points is a facet when every
 * point lies on one side of its plane. Facets with the same normal (a square's two triangles) are one;
 * the largest triangle stands for its size.
 */
function largestHullFacetNormals(points: Float64Array): Normal[] {
  const count = points.length / 3;
  let size = 0;
  for (let index = 0; index < points.length; index++) size = Math.max(size, Math.abs(points[index]!));
  const tolerance = 1e-7 * Math.max(size, 1);
  const facets: { normal: Normal; area: number }[] = [];
  // Coordinates read straight from the array (a helper closure returning them boxed a number per read:
  // about a million per part).
  for (let i = 0; i < count; i++)
    for (let j = i + 1; j < count; j++)
      for (let k = j + 1; k < count; k++) {
        const px = points[i * 3]!,
          py = points[i * 3 + 1]!,
          pz = points[i * 3 + 2]!;
        const ux = points[j * 3]! - px,
          uy = points[j * 3 + 1]! - py,
          uz = points[j * 3 + 2]! - pz;
        const vx = points[k * 3]! - px,
          vy = points[k * 3 + 1]! - py,
          vz = points[k * 3 + 2]! - pz;
        let nx = uy * vz - uz * vy,
          ny = uz * vx - ux * vz,
          nz = ux * vy - uy * vx;
        const length = Math.hypot(nx, ny, nz);
        if (length < 1e-9 * Math.max(size, 1) ** 2) continue; // three points in a line
        nx /= length;
        ny /= length;
        nz /= length;
        let above = false,
          below = false;
        for (let m = 0; m < count && !(above && below); m++) {
          const side =
            (points[m * 3]! - px) * nx + (points[m * 3 + 1]! - py) * ny + (points[m * 3 + 2]! - pz) * nz;
          if (side > tolerance) above = true;
          else if (side < -tolerance) below = true;
        }
        if (above && below) continue;
        const normal: Normal = above ? [-nx, -ny, -nz] : [nx, ny, nz];
        const area = length / 2;
        const same = facets.find(
          (facet) =>
            facet.normal[0] * normal[0] + facet.normal[1] * normal[1] + facet.normal[2] * normal[2] >
            sameDirectionCos,
        );
        if (same) same.area = Math.max(same.area, area);
        else facets.push({ normal, area });
      }
  return facets
    .sort((a, b) => b.area - a.area)
    .slice(0, hullFacetCandidates)
    .map((facet) => facet.normal);
}
