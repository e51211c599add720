import type { FlatPoint } from "./sheet-metal-types";

/** Signed area of a closed polygon (shoelace): positive when counter-clockwise. */
export function polygonArea(points: FlatPoint[]): number {
  let twice = 0;
  for (let index = 0; index < points.length; index++) {
    const [x1, y1] = points[index]!;
    const [x2, y2] = points[(index + 1) % points.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

export function polygonPerimeter(points: FlatPoint[]): number {
  let length = 0;
  for (let index = 0; index < points.length; index++) {
    const [x1, y1] = points[index]!;
    const [x2, y2] = points[(index + 1) % points.length]!;
    length += Math.hypot(x2 - x1, y2 - y1);
  }
  return length;
}

/** Even-odd test: is the point inside the closed polygon? */
export function pointInPolygon(point: FlatPoint, polygon: FlatPoint[]): boolean {
  let inside = false;
  const [x, y] = point;
  for (let index = 0, previous = polygon.length - 1; index < polygon.length; previous = index++) {
    const [xi, yi] = polygon[index]!;
    const [xj, yj] = polygon[previous]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Drops repeated points and points on a straight line between their neighbours (within `toleranceMm`). */
export function simplifyLoop(points: FlatPoint[], toleranceMm = 1e-4): FlatPoint[] {
  let loop = points.filter((point, index) => {
    const next = points[(index + 1) % points.length]!;
    return Math.hypot(next[0] - point[0], next[1] - point[1]) > toleranceMm;
  });
  let changed = true;
  while (changed && loop.length > 3) {
    changed = false;
    const kept: FlatPoint[] = [];
    for (let index = 0; index < loop.length; index++) {
      const before = kept.length > 0 ? kept[kept.length - 1]! : loop[loop.length - 1]!;
      const point = loop[index]!;
      const after = loop[(index + 1) % loop.length]!;
      const length = Math.hypot(after[0] - before[0], after[1] - before[1]);
      const offLine =
        length === 0
          ? 0
          : Math.abs(
              (after[0] - before[0]) * (point[1] - before[1]) -
                (after[1] - before[1]) * (point[0] - before[0]),
            ) / length;
      if (offLine <= toleranceMm && length > 0) changed = true;
      else kept.push(point);
    }
    loop = kept;
  }
  return loop;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: FlatPoint[]): FlatPoint[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const turn = (o: FlatPoint, a: FlatPoint, b: FlatPoint) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: FlatPoint[] = [];
  for (const point of sorted) {
    while (lower.length >= 2 && turn(lower[lower.length - 2]!, lower[lower.length - 1]!, point) <= 0)
      lower.pop();
    lower.push(point);
  }
  const upper: FlatPoint[] = [];
  for (const point of [...sorted].reverse()) {
    while (upper.length >= 2 && turn(upper[upper.length - 2]!, upper[upper.length - 1]!, point) <= 0)
      upper.pop();
    upper.push(point);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * The rotation (radians) that lays the smallest-area bounding rectangle of the points along the axes
 * (rotating calipers: one hull edge always lies on the smallest rectangle), longer side along x.
 */
export function smallestRectangleRotation(points: FlatPoint[]): number {
  const hull = convexHull(points);
  let best = { area: Infinity, angle: 0 };
  for (let index = 0; index < hull.length; index++) {
    const [x1, y1] = hull[index]!;
    const [x2, y2] = hull[(index + 1) % hull.length]!;
    const angle = -Math.atan2(y2 - y1, x2 - x1);
    const [width, height] = extentAfterRotation(hull, angle);
    // Ties (a rectangle's four edges): keep the first, so a part drawn square to the axes stays so.
    if (width * height < best.area * (1 - 1e-9)) best = { area: width * height, angle };
  }
  const [width, height] = extentAfterRotation(hull, best.angle);
  return height > width + 1e-9 ? best.angle + Math.PI / 2 : best.angle;
}

function extentAfterRotation(points: FlatPoint[], angle: number): [number, number] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    const rx = x * cos - y * sin;
    const ry = x * sin + y * cos;
    minX = Math.min(minX, rx);
    maxX = Math.max(maxX, rx);
    minY = Math.min(minY, ry);
    maxY = Math.max(maxY, ry);
  }
  return [maxX - minX, maxY - minY];
}

/** Shortest distance from a point to a segment. */
export function distanceToSegment(point: FlatPoint, from: FlatPoint, to: FlatPoint): number {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const lengthSquared = dx * dx + dy * dy;
  const along =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((point[0] - from[0]) * dx + (point[1] - from[1]) * dy) / lengthSquared));
  return Math.hypot(point[0] - from[0] - along * dx, point[1] - from[1] - along * dy);
}

/** Do any two non-neighbouring edges of the loops cross? (The flat pattern runs into itself.) */
export function loopsCross(loops: FlatPoint[][]): boolean {
  const segments: [FlatPoint, FlatPoint, number, number][] = [];
  loops.forEach((loop, loopIndex) =>
    loop.forEach((point, index) =>
      segments.push([point, loop[(index + 1) % loop.length]!, loopIndex, index]),
    ),
  );
  segments.sort((a, b) => Math.min(a[0][0], a[1][0]) - Math.min(b[0][0], b[1][0]));
  for (let i = 0; i < segments.length; i++) {
    const [a1, a2, loopA, indexA] = segments[i]!;
    const maxX = Math.max(a1[0], a2[0]);
    for (let j = i + 1; j < segments.length; j++) {
      const [b1, b2, loopB, indexB] = segments[j]!;
      if (Math.min(b1[0], b2[0]) > maxX) break;
      if (loopA === loopB) {
        const length = loops[loopA]!.length;
        if (Math.abs(indexA - indexB) <= 1 || Math.abs(indexA - indexB) === length - 1) continue;
      }
      if (properlyCross(a1, a2, b1, b2)) return true;
    }
  }
  return false;
}

function properlyCross(a1: FlatPoint, a2: FlatPoint, b1: FlatPoint, b2: FlatPoint): boolean {
  const side = (p: FlatPoint, q: FlatPoint, r: FlatPoint) =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const epsilon = 1e-9;
  const d1 = side(b1, b2, a1);
  const d2 = side(b1, b2, a2);
  const d3 = side(a1, a2, b1);
  const d4 = side(a1, a2, b2);
  return (
    ((d1 > epsilon && d2 < -epsilon) || (d1 < -epsilon && d2 > epsilon)) &&
    ((d3 > epsilon && d4 < -epsilon) || (d3 < -epsilon && d4 > epsilon))
  );
}
