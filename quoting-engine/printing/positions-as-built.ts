import type { BuildOrientation } from "./choose-build-orientation";

/**
 * The mesh's vertices turned as the process builds the part: R·p for each vertex (rows of `rotation`:
 * the plate's x, the plate's y, up), so z is the build height. For models that slice "z up", such as the
 * FDM layer profile, fed with the orientation chosen for that process.
 */
export function positionsAsBuilt(
  positions: ArrayLike<number>,
  rotation: BuildOrientation["rotation"],
): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = rotation;
  const turned = new Float64Array(positions.length);
  for (let vertex = 0; vertex < positions.length; vertex += 3) {
    const x = positions[vertex]!,
      y = positions[vertex + 1]!,
      z = positions[vertex + 2]!;
    turned[vertex] = a * x + b * y + c * z;
    turned[vertex + 1] = d * x + e * y + f * z;
    turned[vertex + 2] = g * x + h * y + i * z;
  }
  return turned;
}
