import { dot, normalize, type Vector3 } from "./cylinder-geometry";

/** Area-weighted sums of a region's normal products: xx, xy, xz, yy, yz, zz (the normals' scatter). */
export type NormalScatter = [number, number, number, number, number, number];

/**
 * Buffers one segmenting run's cylinder fits share, made when the first region needs them: the region
 * a vertex was last projected for (each vertex once per fit), and the projected points, u and v per vertex.
 */
export interface CylinderFitScratch {
  vertexCount: number;
  projectedFor?: Int32Array;
  projected?: Float64Array;
}

/**
 * A cylinder through a region's vertices: the axis is the direction square to every facet normal
 * (smallest eigenvector of the normals' `scatter`, summed by the caller in `members` order), the centre
 * and radius a least-squares circle of the vertices projected along it. Undefined when the facets do not
 * wrap one axis or the circle misfits. `members[0 .. count)` are the region's triangles; `region` numbers
 * the fit in `scratch`.
 */
export function fitCylinder(
  members: Int32Array,
  count: number,
  region: number,
  scatter: NormalScatter,
  normals: Float64Array,
  points: ArrayLike<number>,
  corners: Uint32Array,
  scratch: CylinderFitScratch,
): { axis: Vector3; centre: Vector3; radius: number } | undefined {
  const axis = smallestEigenvector(scatter);
  const [ax, ay, az] = axis;
  for (let index = 0; index < count; index++) {
    const triangle = members[index]!;
    const facing =
      normals[triangle * 3]! * ax + normals[triangle * 3 + 1]! * ay + normals[triangle * 3 + 2]! * az;
    if (!(Math.abs(facing) < 0.02)) return undefined;
  }
  const reference: Vector3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = normalize([
    reference[0] - axis[0] * dot(reference, axis),
    reference[1] - axis[1] * dot(reference, axis),
    reference[2] - axis[2] * dot(reference, axis),
  ]);
  const v: Vector3 = [
    axis[1] * u[2] - axis[2] * u[1],
    axis[2] * u[0] - axis[0] * u[2],
    axis[0] * u[1] - axis[1] * u[0],
  ];
  const projectedFor = (scratch.projectedFor ??= new Int32Array(scratch.vertexCount).fill(-1));
  const projected = (scratch.projected ??= new Float64Array(scratch.vertexCount * 2));
  // Each vertex once, in the order the region's triangles first reach it.
  let pointCount = 0;
  for (let index = 0; index < count; index++) {
    const triangle = members[index]!;
    for (let corner = 0; corner < 3; corner++) {
      const vertex = corners[triangle * 3 + corner]!;
      if (projectedFor[vertex] === region) continue;
      projectedFor[vertex] = region;
      const x = points[vertex * 3]!,
        y = points[vertex * 3 + 1]!,
        z = points[vertex * 3 + 2]!;
      projected[pointCount * 2] = x * u[0] + y * u[1] + z * u[2];
      projected[pointCount * 2 + 1] = x * v[0] + y * v[1] + z * v[2];
      pointCount++;
    }
  }
  const circle = fitCircle(projected, pointCount);
  if (!circle || circle.radius <= 0) return undefined;
  // The largest misfit (NaN when any is, as Math.max gives it).
  let worst = -Infinity;
  for (let index = 0; index < pointCount; index++) {
    const misfit = Math.abs(
      Math.hypot(projected[index * 2]! - circle.x, projected[index * 2 + 1]! - circle.y) - circle.radius,
    );
    if (misfit > worst || misfit !== misfit) worst = misfit;
    if (misfit !== misfit) break;
  }
  if (worst > 1e-3 * circle.radius + 2e-3) return undefined;
  return {
    axis,
    centre: [
      u[0] * circle.x + v[0] * circle.y,
      u[1] * circle.x + v[1] * circle.y,
      u[2] * circle.x + v[2] * circle.y,
    ],
    radius: circle.radius,
  };
}

/** Least-squares circle (Kåsa) through `count` points (x, y pairs): x² + y² = 2ax + 2by + c. */
function fitCircle(
  points: Float64Array,
  count: number,
): { x: number; y: number; radius: number } | undefined {
  if (count < 3) return undefined;
  let sumX = 0,
    sumY = 0;
  for (let index = 0; index < count; index++) sumX += points[index * 2]!;
  for (let index = 0; index < count; index++) sumY += points[index * 2 + 1]!;
  const meanX = sumX / count;
  const meanY = sumY / count;
  let suu = 0,
    suv = 0,
    svv = 0,
    suuu = 0,
    svvv = 0,
    suvv = 0,
    svuu = 0;
  for (let index = 0; index < count; index++) {
    const x = points[index * 2]! - meanX;
    const y = points[index * 2 + 1]! - meanY;
    suu += x * x;
    suv += x * y;
    svv += y * y;
    suuu += x * x * x;
    svvv += y * y * y;
    suvv += x * y * y;
    svuu += y * x * x;
  }
  const determinant = suu * svv - suv * suv;
  if (Math.abs(determinant) < 1e-12) return undefined;
  const right1 = (suuu + suvv) / 2;
  const right2 = (svvv + svuu) / 2;
  const cx = (right1 * svv - right2 * suv) / determinant;
  const cy = (suu * right2 - suv * right1) / determinant;
  const radius = Math.sqrt(cx * cx + cy * cy + (suu + svv) / count);
  return { x: cx + meanX, y: cy + meanY, radius };
}

/** Eigenvector of the smallest eigenvalue of a symmetric 3 × 3 matrix, by Jacobi rotations. */
function smallestEigenvector(scatter: NormalScatter): Vector3 {
  const a = [
    [scatter[0], scatter[1], scatter[2]],
    [scatter[1], scatter[3], scatter[4]],
    [scatter[2], scatter[4], scatter[5]],
  ];
  const vectors = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < 3; p++) for (let q = p + 1; q < 3; q++) off += a[p]![q]! ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < 3; p++)
      for (let q = p + 1; q < 3; q++) {
        if (Math.abs(a[p]![q]!) < 1e-30) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 3; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < 3; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 3; k++) {
          const vkp = vectors[k]![p]!;
          const vkq = vectors[k]![q]!;
          vectors[k]![p] = c * vkp - s * vkq;
          vectors[k]![q] = s * vkp + c * vkq;
        }
      }
  }
  const diagonal = [a[0]![0]!, a[1]![1]!, a[2]![2]!];
  const smallest = diagonal.indexOf(Math.min(...diagonal));
  const vector = normalize([vectors[0]![smallest]!, vectors[1]![smallest]!, vectors[2]![smallest]!]);
  // One sign for all: the largest component positive.
  const largest = vector.reduce(
    (best, value, index) => (Math.abs(value) > Math.abs(vector[best]!) ? index : best),
    0,
  );
  return vector[largest]! < 0 ? [-vector[0] + 0, -vector[1] + 0, -vector[2] + 0] : vector;
}
