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

/** Unit normal, area and centre of every triangle of a mesh, in one pass. */
export function measureTriangles(positions: ArrayLike<number>, indices: ArrayLike<number>): TriangleMeasures {
  const triangleCount = indices.length / 3;
  const normals = new Float64Array(triangleCount * 3);
  const areas = new Float64Array(triangleCount);
  const centroids = new Float64Array(triangleCount * 3);
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
    }
    for (let axis = 0; axis < 3; axis++)
      centroids[triangle * 3 + axis] =
        (positions[a + axis]! + positions[b + axis]! + positions[c + axis]!) / 3;
  }
  return { normals, areas, centroids };
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
