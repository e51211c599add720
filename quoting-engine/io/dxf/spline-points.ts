import type { Point } from "./chain-closed-loops";

/** A DXF SPLINE as dxf-parser reads it, with the weights (code 41) dxfParserWithSplineWeights adds. */
export interface DxfSpline {
  controlPoints?: { x: number; y: number }[];
  fitPoints?: { x: number; y: number }[];
  knotValues?: number[];
  degreeOfSplineCurve?: number;
  /** One per control point for a rational spline (an arc drawn as a spline); absent when all are 1. */
  weights?: number[];
}

/** Points per knot span: a 100 mm single-span arch is 0.03 % short in area, a cycloidal disc is exact to the eye. */
const samplesPerSpan = 64;
/** The most points one spline gives, so a spline of a million control points cannot fill the memory. */
const maxPoints = 200_000;

/**
 * The points of a DXF SPLINE in its own coordinates: the B-spline evaluated (de Boor) over its domain,
 * `samplesPerSpan` points per knot span, from its first to its last point. The degree is code 71, or
 * from the counts (knots − control points − 1) when a writer leaves it out (trimesh does). A spline given
 * by fit points only is the polyline through them. A rational spline (weights, code 41: an exact circle
 * or ellipse arc) is evaluated in homogeneous coordinates, each control point times its weight, the
 * point divided by the weighted sum. Returns undefined when the numbers do not make a spline (too few
 * knots, knots going backwards, weights missing, not finite or not positive).
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
  const weights = spline.weights;
  if (weights && weights.some((weight) => weight !== 1)) {
    if (
      weights.length !== controls.length ||
      !weights.every((weight) => Number.isFinite(weight) && weight > 0)
    )
      return undefined;
    // Homogeneous control points (w·x, w·y, w): de Boor on them, then back by the weight.
    const homogeneous = controls.map(([x, y], index): Point => [x * weights[index]!, y * weights[index]!]);
    const evaluate = (span: number, t: number): Point => {
      const [x, y] = deBoor(span, t, degree, knots, homogeneous);
      const [w] = deBoor(
        span,
        t,
        degree,
        knots,
        weights.map((weight): Point => [weight, 0]),
      );
      return [x / w, y / w];
    };
    return sampleSpans(controls.length, degree, knots, evaluate);
  }
  return sampleSpans(controls.length, degree, knots, (span, t) => deBoor(span, t, degree, knots, controls));
}

/** `samplesPerSpan` points per knot span of the spline's domain, from its first point to its last. */
function sampleSpans(
  controlCount: number,
  degree: number,
  knots: number[],
  evaluate: (span: number, t: number) => Point,
): Point[] | undefined {
  const spans = controlCount - degree;
  const perSpan = Math.max(1, Math.min(samplesPerSpan, Math.floor(maxPoints / spans)));
  const points: Point[] = [];
  for (let span = degree; span < controlCount; span++) {
    const [from, to] = [knots[span]!, knots[span + 1]!];
    if (to <= from) continue;
    for (let step = 0; step < perSpan; step++)
      points.push(evaluate(span, from + ((to - from) * step) / perSpan));
  }
  const last = controlCount - 1;
  points.push(evaluate(last, knots[last + 1]!));
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
