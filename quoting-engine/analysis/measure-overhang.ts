import type { DisplayMesh } from "./analyze-model";

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
export function measureOverhang(mesh: DisplayMesh, selfSupportingDeg = 45): Overhang {
  const { positions, indices, faceIds } = mesh;
  const limit = Math.sin((selfSupportingDeg * Math.PI) / 180);
  const triangleCount = indices.length / 3;
  let best: Overhang | undefined;
  for (const { label, axis, sign } of orientations) {
    let bottom = Infinity;
    let top = -Infinity;
    for (let index = axis; index < positions.length; index += 3) {
      bottom = Math.min(bottom, sign * positions[index]!);
      top = Math.max(top, sign * positions[index]!);
    }
    const onPlate = 1e-4 * Math.max(1, top - bottom);
    let area = 0;
    const faces = new Set<number>();
    for (let triangle = 0; triangle < triangleCount; triangle++) {
      const [a, b, c] = [0, 1, 2].map((corner) => indices[triangle * 3 + corner]! * 3) as [
        number,
        number,
        number,
      ];
      const u = [0, 1, 2].map((k) => positions[b + k]! - positions[a + k]!);
      const v = [0, 1, 2].map((k) => positions[c + k]! - positions[a + k]!);
      const normal = [
        u[1]! * v[2]! - u[2]! * v[1]!,
        u[2]! * v[0]! - u[0]! * v[2]!,
        u[0]! * v[1]! - u[1]! * v[0]!,
      ];
      const doubleArea = Math.hypot(normal[0]!, normal[1]!, normal[2]!);
      if (doubleArea === 0) continue;
      // Facing down: the upward component of the unit normal is below −sin(angle).
      if ((sign * normal[axis]!) / doubleArea > -limit) continue;
      const heights = [a, b, c].map((vertex) => sign * positions[vertex + axis]! - bottom);
      if (heights.every((height) => height <= onPlate)) continue;
      area += doubleArea / 2;
      const face = faceIds[triangle] ?? -1;
      if (face >= 0) faces.add(face);
    }
    if (!best || area < best.areaMm2 - 1e-9)
      best = { areaMm2: area, faces: [...faces].sort((x, y) => x - y), upLabel: label };
  }
  return best ?? { areaMm2: 0, faces: [], upLabel: "+Z" };
}
