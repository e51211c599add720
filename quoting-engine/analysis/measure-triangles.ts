import { scratchInt32Array } from "./scratch-arrays";

/** Per-triangle quantities several analyses need, each computed once for a mesh. */
export interface TriangleMeasures {
  /** Outward unit normal, x, y, z per triangle (0, 0, 0 for a degenerate triangle). */
  normals: Float64Array;
  /** Area per triangle, mm². */
  areas: Float64Array;
  /** Centre of each triangle, x, y, z. */
  centroids: Float64Array;
  /**
   * The other half-edge of each half-edge (`closedMeshMates`), when every edge joins exactly two
   * triangles; absent otherwise, or when not measured. Segmenting, wall thickness and slicing then take
   * triangle neighbours from it instead of each building their own edge table.
   */
  edgeMates?: Int32Array;
}

/**
 * Unit normal, area and centre of every triangle of a mesh, in one pass. `keptArrays`: the three arrays
 * are this thread's kept working arrays (scratch-arrays.ts), overwritten by the next call that asks for
 * them: only for the measures of one file's features stage, which no result holds on to (fresh, their
 * 56 MB per million triangles cost ~25 ms of page faults and zeroing a file, and a collection).
 */
export function measureTriangles(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  keptArrays = false,
): TriangleMeasures {
  const triangleCount = indices.length / 3;
  const normals = float64Array("triangle normals", triangleCount * 3, keptArrays);
  const areas = float64Array("triangle areas", triangleCount, keptArrays);
  const centroids = float64Array("triangle centroids", triangleCount * 3, keptArrays);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3]! * 3;
    const b = indices[triangle * 3 + 1]! * 3;
    const c = indices[triangle * 3 + 2]! * 3;
    const ux = positions[b]! - positions[a]!,
      uy = positions[b + 1]! - positions[a + 1]!,
      uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!,
      vy = positions[c + 1]! - positions[a + 1]!,
      vz = positions[c + 2]! - positions[a + 2]!;
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx;
    const doubleArea = hypot3(nx, ny, nz);
    areas[triangle] = doubleArea / 2;
    if (doubleArea > 0) {
      normals[triangle * 3] = nx / doubleArea;
      normals[triangle * 3 + 1] = ny / doubleArea;
      normals[triangle * 3 + 2] = nz / doubleArea;
    } else {
      normals[triangle * 3] = 0;
      normals[triangle * 3 + 1] = 0;
      normals[triangle * 3 + 2] = 0;
    }
    for (let axis = 0; axis < 3; axis++)
      centroids[triangle * 3 + axis] =
        (positions[a + axis]! + positions[b + axis]! + positions[c + axis]!) / 3;
  }
  // Every field in the literal, `edgeMates` too (set by the caller when it has them): added afterwards,
  // it gave the measures a hidden class per part, which died with it and took the compiled feature steps
  // that had read one with it (decision 0101).
  return { normals, areas, centroids, edgeMates: undefined };
}

/** `length` doubles: fresh, or the kept array for `purpose` as the last user left it. */
function float64Array(purpose: string, length: number, kept: boolean): Float64Array {
  return kept
    ? new Float64Array(scratchInt32Array(purpose, length * 2).buffer, 0, length)
    : new Float64Array(length);
}

/**
 * Math.hypot(x, y, z) to the last bit, without the builtin's variadic call (a quarter of this pass on a
 * million triangles): V8's own steps (math.tq MathHypot). NaN unless some value is infinite; else each
 * absolute value over the largest, squared and summed with Kahan compensation in argument order, the
 * square root times the largest. measure-triangles.test.ts compares it with Math.hypot.
 */
export function hypot3(x: number, y: number, z: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y),
    az = Math.abs(z);
  if (ax === Infinity || ay === Infinity || az === Infinity) return Infinity;
  if (ax !== ax || ay !== ay || az !== az) return Number.NaN;
  const max = Math.max(ax, ay, az);
  if (max === 0) return 0;
  const nx = ax / max,
    ny = ay / max,
    nz = az / max;
  // Kahan summation of nx², ny², nz² (after the first term the compensation is still exactly 0).
  const first = nx * nx;
  const summand = ny * ny;
  const second = first + summand;
  const compensation = second - first - summand;
  return Math.sqrt(second + (nz * nz - compensation)) * max;
}
