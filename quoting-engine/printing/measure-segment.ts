/**
 * A slice segment's length and signed area (about the centre cx, cy), oriented counter-clockwise around
 * material (outward normal nx, ny on the right), into `measures` at slot s; and its start into the
 * layer's box (x min, x max, y min, y max at `boxes[layer * 4]`), and both ends into `firstLayerPoints`
 * on layer 0. The two points are `point`'s x, y at 0, 1 and 3, 4 (as `sliceLoadedTriangle` gives them).
 */
export function measureSegment(
  point: Float64Array,
  nx: number,
  ny: number,
  cx: number,
  cy: number,
  measures: Float64Array,
  s: number,
  boxes: Float64Array,
  layer: number,
  firstLayerPoints: number[],
): void {
  const forward = (point[3]! - point[0]!) * -ny + (point[4]! - point[1]!) * nx >= 0;
  const ax = (forward ? point[0]! : point[3]!) - cx;
  const ay = (forward ? point[1]! : point[4]!) - cy;
  const bx = (forward ? point[3]! : point[0]!) - cx;
  const by = (forward ? point[4]! : point[1]!) - cy;
  measures[s * 2] = Math.sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
  measures[s * 2 + 1] = (ax * by - bx * ay) / 2;
  if (layer === 0) firstLayerPoints.push(ax + cx, ay + cy, bx + cx, by + cy);
  const box = layer * 4;
  if (!(boxes[box]! <= ax)) boxes[box] = ax;
  if (!(boxes[box + 1]! >= ax)) boxes[box + 1] = ax;
  if (!(boxes[box + 2]! <= ay)) boxes[box + 2] = ay;
  if (!(boxes[box + 3]! >= ay)) boxes[box + 3] = ay;
}
