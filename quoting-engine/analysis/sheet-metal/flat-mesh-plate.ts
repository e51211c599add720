import type { BrepFace } from "../../io/cad-model";
import type { DisplayMesh } from "../analyze-model";
import type { FlatPoint, SheetMetalFlatPattern } from "./sheet-metal-types";
import { chainLoops } from "./trace-flat-outline";
import { addScaled, crossProduct, dotProduct, normalize, subtract, type Vec3 } from "./sheet-metal-faces";
import {
  convexHull,
  polygonArea,
  polygonPerimeter,
  simplifyLoop,
  smallestRectangleRotation,
} from "./flat-pattern-geometry";

/** A flat plate read from a mesh: its thickness and the outline of one side, laid flat. */
export interface FlatMeshPlate {
  thicknessMm: number;
  flatPattern: SheetMetalFlatPattern;
}

/** A side wall leaning more than this (sine of about 0.6°) is no straight cut. */
const maxSideTilt = 0.01;

/**
 * A closed mesh that is a straight prism of one thickness (decision 0086): every vertex on one of two
 * parallel planes, every triangle between them square to them. Its outline is the boundary loops of
 * one side, in that side's plane, laid in its smallest rectangle as an unfolded blank is; the area is
 * the outline's (holes taken off), as a DXF drawing of the part gives. Undefined for any other shape.
 * Cheap for other meshes: the largest fitted plane must hold a quarter of the area before any triangle
 * is looked at, and the first vertex off both planes ends the look.
 */
export function flatMeshPlate(
  faces: BrepFace[],
  mesh: DisplayMesh,
  areaMm2: number,
  volumeMm3: number,
): FlatMeshPlate | undefined {
  const largest = faces.reduce<BrepFace | undefined>(
    (best, face) =>
      face.type === "plane" && face.axis && (!best || face.areaMm2 > best.areaMm2) ? face : best,
    undefined,
  );
  if (!largest || largest.areaMm2 < 0.25 * areaMm2) return undefined;
  const normal: Vec3 = [...largest.axis!];
  const { positions, indices } = mesh;
  const vertexCount = positions.length / 3;
  const offsets = new Float64Array(vertexCount);
  let [low, high] = [Infinity, -Infinity];
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const offset =
      positions[vertex * 3]! * normal[0] +
      positions[vertex * 3 + 1]! * normal[1] +
      positions[vertex * 3 + 2]! * normal[2];
    offsets[vertex] = offset;
    if (offset < low) low = offset;
    if (offset > high) high = offset;
  }
  const thicknessMm = high - low;
  if (!(thicknessMm > 0)) return undefined;
  const toleranceMm = Math.max(0.01, 0.005 * thicknessMm);
  // Per vertex: 0 on the low plane, 1 on the high one.
  const side = new Uint8Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    if (offsets[vertex]! - low <= toleranceMm) side[vertex] = 0;
    else if (high - offsets[vertex]! <= toleranceMm) side[vertex] = 1;
    else return undefined;
  }

  const topEdges = new Map<number, [number, number]>();
  for (let corner = 0; corner < indices.length; corner += 3) {
    const [a, b, c] = [indices[corner]!, indices[corner + 1]!, indices[corner + 2]!];
    const onTop = side[a]! + side[b]! + side[c]!;
    if (onTop === 0) continue;
    if (onTop < 3) {
      // A side wall: square to the planes (its corners project onto a line).
      const corner0 = cornerPoint(positions, a);
      const cross = crossProduct(
        subtract(cornerPoint(positions, b), corner0),
        subtract(cornerPoint(positions, c), corner0),
      );
      const along = Math.abs(dotProduct(cross, normal));
      const length = Math.hypot(...cross);
      if (along > maxSideTilt * length) return undefined;
      continue;
    }
    // The display mesh is welded (one index per point of a part); where it is not, the loops do not
    // close into the outline and the area test below turns the mesh away.
    const corners = [a, b, c];
    for (let index = 0; index < 3; index++) {
      const from = corners[index]!;
      const to = corners[(index + 1) % 3]!;
      const reverse = to * vertexCount + from;
      if (topEdges.has(reverse)) topEdges.delete(reverse);
      else topEdges.set(from * vertexCount + to, [from, to]);
    }
  }
  const loops = chainLoops([...topEdges.values()]);
  if (loops.length === 0) return undefined;

  // The top side's plane: u and v across it, u along the axis most square to the normal.
  const axis = [0, 1, 2].reduce((best, index) =>
    Math.abs(normal[index]!) < Math.abs(normal[best]!) ? index : best,
  );
  const along: Vec3 = [0, 0, 0];
  along[axis] = 1;
  const u = normalize(addScaled(along, normal, -normal[axis]!));
  const v = crossProduct(normal, u);
  const flat = (vertex: number): FlatPoint => {
    const point = cornerPoint(positions, vertex);
    return [dotProduct(point, u), dotProduct(point, v)];
  };
  const points = loops
    .map((loop) => loop.map(flat))
    .sort((a, b) => Math.abs(polygonArea(b)) - Math.abs(polygonArea(a)));
  const areaOf =
    Math.abs(polygonArea(points[0]!)) -
    points.slice(1).reduce((sum, hole) => sum + Math.abs(polygonArea(hole)), 0);
  // The outline must hold the whole volume: anything else is no plate of this one thickness.
  if (!(Math.abs(areaOf * thicknessMm - volumeMm3) <= 0.01 * volumeMm3)) return undefined;

  const angle = smallestRectangleRotation(fewHullPoints(points[0]!));
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const turned = points.map((loop) =>
    loop.map(([x, y]): FlatPoint => [x * cos - y * sin, x * sin + y * cos]),
  );
  // Loops, not spreads: an outline of a finely tessellated circle has more points than a call has arguments.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of turned[0]!) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const orient = (loop: FlatPoint[], counterClockwise: boolean) =>
    polygonArea(loop) > 0 === counterClockwise ? loop : [...loop].reverse();
  const placed = turned.map((loop, index) =>
    orient(simplifyLoop(loop.map(([x, y]): FlatPoint => [round(x - minX), round(y - minY)])), index === 0),
  );
  return {
    thicknessMm: round(thicknessMm),
    flatPattern: {
      widthMm: round(maxX - minX),
      heightMm: round(maxY - minY),
      areaMm2: round(areaOf),
      cutLengthMm: round(points.reduce((sum, loop) => sum + polygonPerimeter(loop), 0)),
      pierces: points.length,
      outline: { outer: placed[0]!, holes: placed.slice(1) },
      bendLines: [],
    },
  };
}

/**
 * The outline's convex hull, thinned to at most 256 points by dropping points within a growing distance
 * of the line through their neighbours: the smallest rectangle tries every hull edge against every
 * point, which for a finely tessellated round outline (20 000 points) took seconds. Long straight
 * edges keep their ends, so a part drawn square to its edges is still laid square.
 */
function fewHullPoints(outline: FlatPoint[]): FlatPoint[] {
  let hull = convexHull(outline);
  for (let toleranceMm = 0.001; hull.length > 256; toleranceMm *= 2) hull = simplifyLoop(hull, toleranceMm);
  return hull;
}

function cornerPoint(positions: Float32Array, vertex: number): Vec3 {
  return [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!];
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
