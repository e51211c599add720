/** A rectangle around points in a plane: its first side's direction and its two side lengths. */
export interface EnclosingRectangle {
  /** Direction of the `widthMm` side, radians from the plane's first axis. */
  angle: number;
  widthMm: number;
  depthMm: number;
}

/**
 * The smallest-area rectangle around 2D points (x, y pairs): convex hull (Andrew's monotone chain), then
 * one side on each hull edge (Freeman & Shapira 1975: the minimum rectangle has a side on a hull edge).
 * The axis-aligned rectangle wins ties within 0.1 %, so a part drawn square to its axes stays so. Meant for
 * the few dozen extreme points of a part, not for every vertex.
 */
export function minimumAreaRectangle(points: Float64Array): EnclosingRectangle {
  const hull = convexHull2d(points);
  const axisAligned = extentsAlong(hull, 0);
  let best = { angle: 0, ...axisAligned };
  let bestArea = axisAligned.widthMm * axisAligned.depthMm;
  const count = hull.length / 2;
  for (let index = 0; index < count; index++) {
    const next = (index + 1) % count;
    const dx = hull[next * 2]! - hull[index * 2]!;
    const dy = hull[next * 2 + 1]! - hull[index * 2 + 1]!;
    if (dx === 0 && dy === 0) continue;
    const angle = Math.atan2(dy, dx);
    const extents = extentsAlong(hull, angle);
    const area = extents.widthMm * extents.depthMm;
    if (area < bestArea * 0.999) {
      best = { angle, ...extents };
      bestArea = area;
    }
  }
  return best;
}

function extentsAlong(hull: Float64Array, angle: number): { widthMm: number; depthMm: number } {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let lowU = Infinity,
    highU = -Infinity,
    lowV = Infinity,
    highV = -Infinity;
  for (let index = 0; index < hull.length; index += 2) {
    const x = hull[index]!;
    const y = hull[index + 1]!;
    const u = x * cos + y * sin;
    const v = -x * sin + y * cos;
    if (u < lowU) lowU = u;
    if (u > highU) highU = u;
    if (v < lowV) lowV = v;
    if (v > highV) highV = v;
  }
  if (lowU > highU) return { widthMm: 0, depthMm: 0 };
  return { widthMm: highU - lowU, depthMm: highV - lowV };
}

function convexHull2d(points: Float64Array): Float64Array {
  const count = points.length / 2;
  const order = Array.from({ length: count }, (_, index) => index).sort(
    (a, b) => points[a * 2]! - points[b * 2]! || points[a * 2 + 1]! - points[b * 2 + 1]!,
  );
  if (count < 3)
    return Float64Array.from(order.flatMap((index) => [points[index * 2]!, points[index * 2 + 1]!]));
  const cross = (o: number, a: number, b: number) =>
    (points[a * 2]! - points[o * 2]!) * (points[b * 2 + 1]! - points[o * 2 + 1]!) -
    (points[a * 2 + 1]! - points[o * 2 + 1]!) * (points[b * 2]! - points[o * 2]!);
  const lower: number[] = [];
  for (const index of order) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, index) <= 0)
      lower.pop();
    lower.push(index);
  }
  const upper: number[] = [];
  for (let position = order.length - 1; position >= 0; position--) {
    const index = order[position]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, index) <= 0)
      upper.pop();
    upper.push(index);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  return Float64Array.from(hull.flatMap((index) => [points[index * 2]!, points[index * 2 + 1]!]));
}
