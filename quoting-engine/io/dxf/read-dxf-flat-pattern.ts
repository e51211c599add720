import DxfParser from "dxf-parser";
import type { SheetMetalFlatPattern } from "../../analysis/sheet-metal/sheet-metal-types";
import type { SourceUnit } from "../cad-model";
import { chainClosedLoops, type Point } from "./chain-closed-loops";
import { placedEntities } from "./placed-entities";
import { splinePoints, type DxfSpline } from "./spline-points";
import { dxfParserWithSplineWeights } from "./dxf-parser-with-spline-weights";

/** $INSUNITS codes (AutoCAD DXF reference, HEADER section) and their size in millimetres. */
const unitsToMm: Record<number, { name: Exclude<SourceUnit, "unknown">; mm: number }> = {
  1: { name: "inch", mm: 25.4 },
  2: { name: "ft", mm: 304.8 },
  4: { name: "mm", mm: 1 },
  5: { name: "cm", mm: 10 },
  6: { name: "m", mm: 1000 },
};

export type DxfFlatPatternResult =
  | { ok: true; flatPattern: SheetMetalFlatPattern; sourceUnit: SourceUnit; scaleToMm: number }
  | {
      ok: false;
      error: {
        code: "unreadable_dxf" | "open_contour" | "no_contour" | "several_parts" | "bent_drawing";
        message: string;
      };
    };

/**
 * Reads a DXF drawing of a flat part (laser cutting) into the analysis contract's flat pattern: LINE,
 * ARC, CIRCLE, ELLIPSE, SPLINE, LWPOLYLINE and POLYLINE entities of model space, and those of the blocks
 * its INSERTs place (see placedEntities), are chained into closed loops, the
 * largest is the outer contour and the loops inside it are holes; the unit comes from $INSUNITS
 * (unitless drawings are read as millimetres). Text, dimensions and the like are ignored, and so are
 * dashed and centre lines (see drawsNoCut). Never throws: an open contour, a drawing without one,
 * several separate parts, or bend lines across the part (a DXF is priced flat) come back as a message
 * for the buyer. The parser is dxf-parser (docs/decisions/0054).
 */
export function readDxfFlatPattern(text: string): DxfFlatPatternResult {
  if (text.startsWith("AutoCAD Binary DXF"))
    return failure(
      "unreadable_dxf",
      "This is a binary DXF file, which cannot be read here: export the drawing again as an ASCII DXF (R12 or later).",
    );
  const badGroupCodeLine = firstBadGroupCodeLine(text);
  if (badGroupCodeLine !== undefined)
    return failure(
      "unreadable_dxf",
      `The DXF file is damaged: line ${badGroupCodeLine} should hold a group code (a whole number). Export it again as DXF R12 or later.`,
    );
  let parsed: ReturnType<DxfParser["parseSync"]>;
  try {
    parsed = dxfParserWithSplineWeights().parseSync(text);
  } catch (error) {
    return failure(
      "unreadable_dxf",
      `The DXF file could not be read (${(error as Error).message}). Export it again as DXF R12 or later.`,
    );
  }
  if (!parsed)
    return failure("unreadable_dxf", "The DXF file could not be read. Export it again as DXF R12 or later.");
  const insUnits = parsed.header?.["$INSUNITS"];
  const unit = typeof insUnits === "number" ? unitsToMm[insUnits] : undefined;
  const scale = unit?.mm ?? 1;
  const pieces: Point[][] = [];
  const closed: Point[][] = [];
  const notCut: Point[][] = [];
  const placed = placedEntities(
    (parsed.entities ?? []) as unknown as DxfEntity[],
    (parsed.blocks ?? {}) as unknown as Record<string, { entities?: DxfEntity[] }>,
  );
  if (!placed)
    return failure(
      "unreadable_dxf",
      "The drawing's blocks nest too deep or place too many entities to read. Explode the blocks and export the drawing again.",
    );
  for (const { entity, place } of placed) {
    const shape = entityPoints(entity);
    if (!shape) continue;
    const points = shape.points.map((point): Point => {
      const [x, y] = place(point);
      return [x * scale, y * scale];
    });
    if (points.length < 2) continue;
    if (drawsNoCut(entity)) notCut.push(points);
    else (shape.closed ? closed : pieces).push(points);
  }
  const chained = chainClosedLoops(pieces, 0.01 * Math.max(1, scale));
  if (!chained.ok)
    return failure(
      "open_contour",
      `The contour is open near (${chained.gapAt.map((value) => value.toFixed(1)).join(", ")}) mm: join the lines into closed outlines and upload the drawing again.`,
    );
  const loops = [...closed, ...chained.loops].filter(
    (loop) => loop.length >= 3 && Math.abs(signedArea(loop)) > 1e-6,
  );
  if (loops.length === 0)
    return failure(
      "no_contour",
      "The drawing holds no closed outline: draw the part's contour with lines, arcs or polylines.",
    );
  loops.sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
  const [outer, ...rest] = loops as [Point[], ...Point[][]];
  const outside = rest.filter((loop) => !inside(loop[0]!, outer));
  if (outside.length > 0)
    return failure(
      "several_parts",
      `The drawing holds ${outside.length + 1} separate parts: upload one part per DXF file.`,
    );
  const bendLineCount = notCut.filter(
    (points) => points.length === 2 && points.every((point) => distanceToLoop(point, outer) <= 0.1 * scale),
  ).length;
  if (bendLineCount > 0)
    return failure(
      "bent_drawing",
      `The drawing shows ${bendLineCount === 1 ? "a bend line" : `${bendLineCount} bend lines`}, but a DXF drawing is priced as a flat laser-cut part: upload the 3D model (STEP) of the bent part so its bends are priced too, or remove the bend lines to order it flat.`,
    );
  // Loops, not Math.min(...xs): a spline flattened into ~125 k points or more overflows the call stack.
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of outer) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const moved = (loop: Point[]) => loop.map(([x, y]): Point => [round(x - minX), round(y - minY)]);
  const areaMm2 =
    Math.abs(signedArea(outer)) - rest.reduce((sum, hole) => sum + Math.abs(signedArea(hole)), 0);
  return {
    ok: true,
    sourceUnit: unit?.name ?? "unknown", // read as millimetres
    scaleToMm: scale,
    flatPattern: {
      widthMm: round(maxX - minX),
      heightMm: round(maxY - minY),
      areaMm2: round(areaMm2),
      cutLengthMm: round(loops.reduce((sum, loop) => sum + perimeter(loop), 0)),
      pierces: loops.length,
      outline: { outer: moved(outer), holes: rest.map(moved) },
      bendLines: [],
    },
  };
}

interface DxfEntity extends DxfSpline {
  type: string;
  layer?: string;
  lineType?: string;
  inPaperSpace?: boolean;
  majorAxisEndPoint?: { x: number; y: number };
  axisRatio?: number;
  vertices?: { x: number; y: number; bulge?: number }[];
  center?: { x: number; y: number };
  radius?: number;
  startAngle?: number;
  endAngle?: number;
  shape?: boolean;
}

/** Linetypes a contour to cut is drawn with; "ByLayer" and "ByBlock" are read as continuous too. */
const cutLineTypes = new Set(["continuous", "bylayer", "byblock"]);

/**
 * Whether an entity marks something other than a cut: a dashed or centre line (CAD programs draw bend
 * lines and hole centre lines so; SolidWorks writes a flat pattern's bend lines as CENTERX2 on layer 0),
 * or anything on a layer named for bends. Such lines are never chained into the contour.
 */
function drawsNoCut(entity: DxfEntity): boolean {
  if (entity.layer !== undefined && /bend|biege/i.test(entity.layer)) return true;
  return entity.lineType !== undefined && !cutLineTypes.has(entity.lineType.toLowerCase());
}

/** Chord segments per full circle: 0.05 mm deviation on a ⌀100 circle, fine for length and drawing. */
const segmentsPerTurn = 96;

/** An entity's points (arcs and bulges as chords), and whether it is closed by itself. */
function entityPoints(entity: DxfEntity): { points: Point[]; closed: boolean } | undefined {
  switch (entity.type) {
    case "LINE":
      return entity.vertices && entity.vertices.length >= 2
        ? { points: entity.vertices.slice(0, 2).map((v): Point => [v.x, v.y]), closed: false }
        : undefined;
    case "CIRCLE":
      if (!entity.center || !entity.radius) return undefined;
      return {
        points: arcPoints([entity.center.x, entity.center.y], entity.radius, 0, 2 * Math.PI).slice(0, -1),
        closed: true,
      };
    case "ARC": {
      if (
        !entity.center ||
        !entity.radius ||
        entity.startAngle === undefined ||
        entity.endAngle === undefined
      )
        return undefined;
      let end = entity.endAngle;
      while (end <= entity.startAngle) end += 2 * Math.PI; // DXF arcs run counter-clockwise
      return {
        points: arcPoints([entity.center.x, entity.center.y], entity.radius, entity.startAngle, end),
        closed: false,
      };
    }
    case "SPLINE": {
      // Left open even when its ends meet: chaining closes a piece whose end is its start.
      const points = splinePoints(entity);
      return points ? { points, closed: false } : undefined;
    }
    case "ELLIPSE": {
      const { center, majorAxisEndPoint: major, axisRatio } = entity;
      if (!center || !major || !axisRatio || entity.startAngle === undefined || entity.endAngle === undefined)
        return undefined;
      let end = entity.endAngle;
      while (end <= entity.startAngle) end += 2 * Math.PI; // parameters run counter-clockwise too
      const full = end - entity.startAngle >= 2 * Math.PI - 1e-9;
      // The unit circle's points mapped onto the ellipse: u along the major axis, v along the minor.
      const points = arcPoints([0, 0], 1, entity.startAngle, end).map(([u, v]): Point => [
        center.x + u * major.x - v * axisRatio * major.y,
        center.y + u * major.y + v * axisRatio * major.x,
      ]);
      return { points: full ? points.slice(0, -1) : points, closed: full };
    }
    case "LWPOLYLINE":
    case "POLYLINE": {
      const vertices = entity.vertices ?? [];
      if (vertices.length < 2) return undefined;
      const closed = entity.shape === true;
      const points: Point[] = [];
      const count = closed ? vertices.length : vertices.length - 1;
      for (let index = 0; index < count; index++) {
        const from = vertices[index]!;
        const to = vertices[(index + 1) % vertices.length]!;
        points.push([from.x, from.y]);
        if (from.bulge) points.push(...bulgePoints([from.x, from.y], [to.x, to.y], from.bulge));
      }
      if (!closed) points.push([vertices[vertices.length - 1]!.x, vertices[vertices.length - 1]!.y]);
      return { points, closed };
    }
    default:
      return undefined;
  }
}

function arcPoints(centre: Point, radius: number, start: number, end: number): Point[] {
  const steps = Math.max(2, Math.ceil(((end - start) / (2 * Math.PI)) * segmentsPerTurn));
  return Array.from({ length: steps + 1 }, (_, index) => {
    const angle = start + ((end - start) * index) / steps;
    return [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
  });
}

/** The inner points of a polyline segment's arc (bulge = tan of a quarter of the included angle). */
function bulgePoints(from: Point, to: Point, bulge: number): Point[] {
  const angle = 4 * Math.atan(bulge);
  const chord = Math.hypot(to[0] - from[0], to[1] - from[1]);
  if (chord === 0) return [];
  const radius = chord / (2 * Math.sin(angle / 2));
  const mid: Point = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  const towardCentre = radius * Math.cos(angle / 2);
  const normal: Point = [-(to[1] - from[1]) / chord, (to[0] - from[0]) / chord];
  const centre: Point = [mid[0] + normal[0] * towardCentre, mid[1] + normal[1] * towardCentre];
  const start = Math.atan2(from[1] - centre[1], from[0] - centre[0]);
  const points = arcPoints(centre, Math.abs(radius), start, start + angle);
  return points.slice(1, -1);
}

function signedArea(loop: Point[]): number {
  let area = 0;
  for (let index = 0; index < loop.length; index++) {
    const [x1, y1] = loop[index]!;
    const [x2, y2] = loop[(index + 1) % loop.length]!;
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}

function perimeter(loop: Point[]): number {
  let length = 0;
  for (let index = 0; index < loop.length; index++) {
    const [x1, y1] = loop[index]!;
    const [x2, y2] = loop[(index + 1) % loop.length]!;
    length += Math.hypot(x2 - x1, y2 - y1);
  }
  return length;
}

/** The shortest distance from a point to a closed loop's edges. */
function distanceToLoop([px, py]: Point, loop: Point[]): number {
  let shortest = Infinity;
  for (let index = 0; index < loop.length; index++) {
    const [x1, y1] = loop[index]!;
    const [x2, y2] = loop[(index + 1) % loop.length]!;
    const lengthSquared = (x2 - x1) ** 2 + (y2 - y1) ** 2;
    const along =
      lengthSquared === 0
        ? 0
        : Math.max(0, Math.min(1, ((px - x1) * (x2 - x1) + (py - y1) * (y2 - y1)) / lengthSquared));
    shortest = Math.min(shortest, Math.hypot(px - (x1 + along * (x2 - x1)), py - (y1 + along * (y2 - y1))));
  }
  return shortest;
}

/** Even-odd ray test. */
function inside([px, py]: Point, loop: Point[]): boolean {
  let result = false;
  for (let index = 0, previous = loop.length - 1; index < loop.length; previous = index++) {
    const [xi, yi] = loop[index]!;
    const [xj, yj] = loop[previous]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

function failure(
  code: "unreadable_dxf" | "open_contour" | "no_contour" | "several_parts" | "bent_drawing",
  message: string,
): DxfFlatPatternResult {
  return { ok: false, error: { code, message } };
}

/**
 * The 1-based line number of the first group code that is not a whole number, if any. A DXF file is pairs of
 * lines, a group code then its value; dxf-parser 1.1 loops forever on a pair whose code is not a number
 * (found by the fuzz test with one flipped byte), so such a file is refused before it reaches the parser.
 */
function firstBadGroupCodeLine(text: string): number | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  // A final newline leaves one empty line behind; it holds no pair.
  const pairLines = lines.at(-1) === "" ? lines.length - 1 : lines.length;
  for (let index = 0; index < pairLines; index += 2)
    if (!/^\s*-?\d+\s*$/.test(lines[index]!)) return index + 1;
  return undefined;
}
