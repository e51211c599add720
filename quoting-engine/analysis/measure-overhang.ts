import type { DisplayMesh } from "./analyze-model";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";

export interface Overhang {
  /** Area facing down more steeply than the self-supporting angle, in the best orientation, mm². */
  areaMm2: number;
  faces: number[];
  /** Which way is up in that orientation: "+Z" is the part as drawn. */
  upLabel: string;
}

const orientations: { label: string; axis: number; sign: number }[] = [
  { label: "+Z", axis: 2, sign: 1 },
  { label: "-Z", axis: 2, sign: -1 },
  { label: "+X", axis: 0, sign: 1 },
  { label: "-X", axis: 0, sign: -1 },
  { label: "+Y", axis: 1, sign: 1 },
  { label: "-Y", axis: 1, sign: -1 },
];

/**
 * Downward-facing area that a printer cannot build without support: triangles whose outward normal is
 * within (90° − `selfSupportingDeg`) of straight down, except those lying on the build plate. Tried
 * with each of the six axis directions up; the orientation with the least such area wins.
 */
export function measureOverhang(
  mesh: DisplayMesh,
  selfSupportingDeg = 45,
  triangles: TriangleMeasures = measureTriangles(mesh.positions, mesh.indices),
): Overhang {
  const { positions, indices, faceIds } = mesh;
  const { normals, areas } = triangles;
  const limit = Math.sin((selfSupportingDeg * Math.PI) / 180);
  const triangleCount = indices.length / 3;
  // Once per triangle: lowest and highest corner along each axis.
  const lows = new Float64Array(triangleCount * 3);
  const highs = new Float64Array(triangleCount * 3);
  const partLow = [Infinity, Infinity, Infinity];
  const partHigh = [-Infinity, -Infinity, -Infinity];
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3]! * 3;
    const b = indices[triangle * 3 + 1]! * 3;
    const c = indices[triangle * 3 + 2]! * 3;
    for (let axis = 0; axis < 3; axis++) {
      const low = Math.min(positions[a + axis]!, positions[b + axis]!, positions[c + axis]!);
      const high = Math.max(positions[a + axis]!, positions[b + axis]!, positions[c + axis]!);
      lows[triangle * 3 + axis] = low;
      highs[triangle * 3 + axis] = high;
      if (low < partLow[axis]!) partLow[axis] = low;
      if (high > partHigh[axis]!) partHigh[axis] = high;
    }
  }
  let best: Overhang | undefined;
  for (const { label, axis, sign } of orientations) {
    const onPlate = 1e-4 * Math.max(1, partHigh[axis]! - partLow[axis]!);
    let area = 0;
    const faces = new Set<number>();
    for (let triangle = 0; triangle < triangleCount; triangle++) {
      // Facing down: the upward component of the unit normal is below −sin(angle).
      if (sign * normals[triangle * 3 + axis]! > -limit || areas[triangle] === 0) continue;
      // Lying on the build plate: every corner at the bottom.
      const onBottom =
        sign > 0
          ? highs[triangle * 3 + axis]! - partLow[axis]! <= onPlate
          : partHigh[axis]! - lows[triangle * 3 + axis]! <= onPlate;
      if (onBottom) continue;
      area += areas[triangle]!;
      const face = faceIds[triangle] ?? -1;
      if (face >= 0) faces.add(face);
    }
    if (!best || area < best.areaMm2 - 1e-9)
      best = { areaMm2: area, faces: [...faces].sort((x, y) => x - y), upLabel: label };
  }
  return best ?? { areaMm2: 0, faces: [], upLabel: "+Z" };
}
