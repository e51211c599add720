import type { Point } from "./chain-closed-loops";

/** A DXF SPLINE as dxf-parser reads it (it does not read weights, code 41). */
export interface DxfSpline {
  controlPoints?: { x: number; y: number }[];
  fitPoints?: { x: number; y: number }[];
  knotValues?: number[];
  degreeOfSplineCurve?: number;
}

/** Points per knot span: a 100 mm single-span arch is 0.03 % short in area, a cycloidal disc is exact to the eye. */
const samplesPerSpan = 64;
/** The most points one spline gives, so a spline of a million control points cannot fill the memory. */
const maxPoints = 200_000;

/**
 * The points of a DXF SPLINE in its own coordinates: the B-spline evaluated (de Boor) over its domain,
 * `samplesPerSpan` points per knot span, from its first to its last point. The degree is code 71, or
 * from the counts (knots − control points − 1) when a writer leaves it out (trimesh does). A spline given
 * by fit points only is the polyline through them. dxf-parser drops weights, so a rational spline is
 * evaluated as if its weights were 1 (exact for most exporters' splines, which are not rational). Returns
 * undefined when the numbers do not make a spline (too few knots, knots going backwards, not finite).
 */
export function splinePoints(spline: DxfSpline): Point[] | undefined {
  const controls = (spline.controlPoints ?? []).map(({ x, y }): Point => [x, y]);
  const knots = spline.knotValues ?? [];
  if (controls.length === 0) {
    const fit = (spline.fitPoints ?? []).map(({ x, y }): Point => [x, y]);
    return fit.length >= 2 && fit.every(isFinitePoint) ? fit : undefined;
  }
  const degree = spline.degreeOfSplineCurve ?? knots.length - controls.length - 1;
  if (
    !Number.isInteger(degree) ||
    degree < 1 ||
    controls.length <= degree ||
    knots.length !== controls.length + degree + 1 ||
    !knots.every((knot, index) => Number.isFinite(knot) && (index === 0 || knot >= knots[index - 1]!)) ||
    !controls.every(isFinitePoint)
  )
    return undefined;
  const spans = controls.length - degree;
  const perSpan = Math.max(1, Math.min(samplesPerSpan, Math.floor(maxPoints / spans)));
  const points: Point[] = [];
  for (let span = degree; span < controls.length; span++) {
    const [from, to] = [knots[span]!, knots[span + 1]!];
    if (to <= from) continue;
    for (let step = 0; step < perSpan; step++)
      points.push(deBoor(span, from + ((to - from) * step) / perSpan, degree, knots, controls));
  }
  const last = controls.length - 1;
  points.push(deBoor(last, knots[last + 1]!, degree, knots, controls));
  return points.length >= 2 ? points : undefined;
}

/** The B-spline's point at parameter t in knot span `span` (de Boor's algorithm). */
function deBoor(span: number, t: number, degree: number, knots: number[], controls: Point[]): Point {
  const d = Array.from({ length: degree + 1 }, (_, j): Point => [...controls[j + span - degree]!]);
  for (let r = 1; r <= degree; r++)
    for (let j = degree; j >= r; j--) {
      const i = j + span - degree;
      const denominator = knots[i + degree - r + 1]! - knots[i]!;
      const alpha = denominator === 0 ? 0 : (t - knots[i]!) / denominator;
      d[j] = [(1 - alpha) * d[j - 1]![0] + alpha * d[j]![0], (1 - alpha) * d[j - 1]![1] + alpha * d[j]![1]];
    }
  return d[degree]!;
}

const isFinitePoint = ([x, y]: Point) => Number.isFinite(x) && Number.isFinite(y);
