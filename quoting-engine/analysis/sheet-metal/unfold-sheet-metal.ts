import type { FlatPoint, SheetMetalBend, SheetMetalOk } from "./sheet-metal-types";
import {
  addScaled,
  crossProduct,
  dotProduct,
  edgeKey,
  normalize,
  pointOf,
  subtract,
  type SheetFace,
  type SheetFaces,
  type Vec3,
} from "./sheet-metal-faces";
import { chainLoops, wallFaces } from "./trace-flat-outline";
import {
  loopsCross,
  polygonArea,
  polygonPerimeter,
  simplifyLoop,
  smallestRectangleRotation,
} from "./flat-pattern-geometry";

/** A bend as the DFM rules read it, in the flat pattern's frame. */
export interface FlatBend extends SheetMetalBend {
  from: FlatPoint;
  to: FlatPoint;
  /** Half the width of the bend zone in the flat (half the bend allowance), mm. */
  halfZoneMm: number;
  /** Side-A planes the bend joins. */
  planes: number[];
  direction: "up" | "down";
}

/** The unfolded part, for the DFM rules and the DXF export. */
export interface SheetMetalDetail {
  thicknessMm: number;
  bends: FlatBend[];
  /** Side-A planes: the flanges and the base. */
  planes: number[];
  /** Holes and cut-outs: their contour in the flat and the B-rep faces of their walls. */
  holes: { loop: FlatPoint[]; faces: number[] }[];
  outer: FlatPoint[];
  /** Side-A triangles in the flat: x y per corner, and the face of each triangle. */
  flatTriangles: Float64Array;
  flatTriangleFaces: Int32Array;
  /** The flat pattern's contours cross: flanges run into each other when unfolded. */
  overlaps: boolean;
}

type Frame =
  | { kind: "plane"; origin: Vec3; e1: Vec3; e2: Vec3; at: FlatPoint; E1: FlatPoint; E2: FlatPoint }
  | {
      kind: "cylinder";
      centre: Vec3;
      axis: Vec3;
      tangentPoint: Vec3;
      radial: Vec3;
      toward: Vec3;
      at: FlatPoint;
      A: FlatPoint;
      D: FlatPoint;
      neutralRadiusMm: number;
      spanRad: number;
    };

/**
 * Unfolds side A of the sheet face by face from its largest plane: planes keep their shape, each bend
 * cylinder becomes a strip as wide as its neutral fibre's arc, angle × (r + K·t) (DIN 6935's bend
 * allowance with the K-factor as the neutral fibre's share of the thickness). The flat pattern is the
 * boundary of the unfolded triangles, laid in its smallest bounding rectangle.
 */
export function unfoldSheetMetal(
  geometry: SheetFaces,
  sideA: number[],
  opposites: Map<number, number>,
  thicknessMm: number,
  kFactor: number,
): { ok: true; result: SheetMetalOk; detail: SheetMetalDetail } | { ok: false; reason: string } {
  const { faces, neighbours, vertexPositions } = geometry;
  const inSideA = new Set(sideA);
  const frames = new Map<number, Frame>();
  const base = faces.get(sideA[0]!)!;
  const e1 = anyPerpendicular(base.normal!);
  frames.set(base.id, {
    kind: "plane",
    origin: pointOf(vertexPositions, [...base.vertices][0]!),
    e1,
    e2: crossProduct(base.normal!, e1),
    at: [0, 0],
    E1: [1, 0],
    E2: [0, 1],
  });
  const order = [base.id];
  const innerRadius = (face: SheetFace) =>
    Math.min(face.radiusMm!, faces.get(opposites.get(face.id)!)!.radiusMm!);
  for (let index = 0; index < order.length; index++) {
    const face = faces.get(order[index]!)!;
    const frame = frames.get(face.id)!;
    for (const nextId of neighbours.get(face.id) ?? []) {
      if (!inSideA.has(nextId) || frames.has(nextId)) continue;
      const next = faces.get(nextId)!;
      const nextFrame =
        face.type === next.type
          ? frame
          : next.type === "cylinder"
            ? cylinderFrom(frame, next, face, innerRadius(next) + kFactor * thicknessMm, geometry)
            : planeFrom(frame, next);
      if (!nextFrame)
        return { ok: false, reason: "Not sheet metal: a bend could not be followed to its flanges." };
      frames.set(nextId, nextFrame);
      order.push(nextId);
    }
  }

  // Each welded vertex is laid flat by the first face (in unfolding order) that holds it.
  const flat = new Map<number, FlatPoint>();
  for (const id of order) {
    const face = faces.get(id)!;
    const frame = frames.get(id)!;
    for (const vertex of face.vertices)
      if (!flat.has(vertex)) flat.set(vertex, mapPoint(frame, pointOf(vertexPositions, vertex)));
  }
  const triangleCount = order.reduce((sum, id) => sum + faces.get(id)!.triangles.length, 0);
  const flatTriangles = new Float64Array(triangleCount * 6);
  const flatTriangleFaces = new Int32Array(triangleCount);
  const boundary = new Map<number, [number, number]>();
  let written = 0;
  for (const id of order) {
    const frame = frames.get(id)!;
    for (const triangle of faces.get(id)!.triangles) {
      const corners = [0, 1, 2].map((corner) => geometry.cornerVertex[triangle * 3 + corner]!);
      const points = corners.map((vertex) => mapPoint(frame, pointOf(vertexPositions, vertex)));
      points.forEach((point, corner) => flatTriangles.set(point, written * 6 + corner * 2));
      flatTriangleFaces[written++] = id;
      for (let corner = 0; corner < 3; corner++) {
        const a = corners[corner]!;
        const b = corners[(corner + 1) % 3]!;
        const key = edgeKey(a, b, geometry.vertexCount);
        if (boundary.has(key)) boundary.delete(key);
        else boundary.set(key, [a, b]);
      }
    }
  }
  const loops = chainLoops([...boundary.values()]).map((loop) => ({
    vertices: loop,
    points: loop.map((vertex) => flat.get(vertex)!),
  }));
  if (loops.length === 0) return { ok: false, reason: "Not sheet metal: its flat side has no outline." };
  loops.sort((a, b) => Math.abs(polygonArea(b.points)) - Math.abs(polygonArea(a.points)));

  // Lay the blank in its smallest rectangle, starting at (0, 0).
  const angle = smallestRectangleRotation(loops[0]!.points);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const turned = (point: FlatPoint): FlatPoint => [
    point[0] * cos - point[1] * sin,
    point[0] * sin + point[1] * cos,
  ];
  const outerTurned = loops[0]!.points.map(turned);
  const minX = Math.min(...outerTurned.map((point) => point[0]));
  const minY = Math.min(...outerTurned.map((point) => point[1]));
  const place = (point: FlatPoint): FlatPoint => {
    const [x, y] = turned(point);
    return [round(x - minX), round(y - minY)];
  };
  for (let index = 0; index < flatTriangles.length; index += 2) {
    const [x, y] = place([flatTriangles[index]!, flatTriangles[index + 1]!]);
    flatTriangles[index] = x;
    flatTriangles[index + 1] = y;
  }
  const orient = (points: FlatPoint[], counterClockwise: boolean) =>
    polygonArea(points) > 0 === counterClockwise ? points : [...points].reverse();
  const outer = orient(simplifyLoop(loops[0]!.points.map(place)), true);
  const holes = loops.slice(1).map((loop) => ({
    loop: orient(simplifyLoop(loop.points.map(place)), false),
    faces: wallFaces(loop.vertices, geometry, inSideA),
  }));
  // Exact from the B-rep: planes as they are, bends at their neutral fibre's radius (the outline's
  // polygons fall short of round holes by the tessellation's chord error).
  let areaMm2 = 0;
  for (const id of order) {
    const face = faces.get(id)!;
    const frame = frames.get(id)!;
    areaMm2 +=
      frame.kind === "cylinder" ? (face.areaMm2 * frame.neutralRadiusMm) / face.radiusMm! : face.areaMm2;
  }

  const bends: FlatBend[] = [];
  for (const id of order) {
    const frame = frames.get(id)!;
    if (frame.kind !== "cylinder") continue;
    const face = faces.get(id)!;
    if (bends.some((bend) => bend.faces.includes(id))) continue;
    let [low, high] = [Infinity, -Infinity];
    for (const vertex of face.vertices) {
      const along = dotProduct(subtract(pointOf(vertexPositions, vertex), frame.tangentPoint), frame.axis);
      low = Math.min(low, along);
      high = Math.max(high, along);
    }
    const middle = (frame.spanRad / 2) * frame.neutralRadiusMm;
    const endPoint = (along: number): FlatPoint =>
      place([
        frame.at[0] + along * frame.A[0] + middle * frame.D[0],
        frame.at[1] + along * frame.A[1] + middle * frame.D[1],
      ]);
    const opposite = faces.get(opposites.get(id)!)!;
    bends.push({
      angleDeg: round((frame.spanRad * 180) / Math.PI),
      innerRadiusMm: round(Math.min(face.radiusMm!, opposite.radiusMm!)),
      lengthMm: round(high - low),
      faces: [id, opposite.id],
      from: endPoint(low),
      to: endPoint(high),
      halfZoneMm: middle,
      planes: [...(neighbours.get(id) ?? [])].filter(
        (other) => inSideA.has(other) && faces.get(other)!.type === "plane",
      ),
      // Side A is drawn facing the viewer: a bend whose inner (concave) side is side A rises towards it.
      direction: face.radiusMm! < opposite.radiusMm! ? "up" : "down",
    });
  }
  // Drawn from the side most bends rise towards (the opposite's view); mirrored when most fall away.
  if (bends.filter((bend) => bend.direction === "down").length * 2 > bends.length) {
    const width = Math.max(...outer.map((point) => point[0]));
    const mirror = (point: FlatPoint): FlatPoint => [round(width - point[0]), point[1]];
    outer.splice(0, outer.length, ...outer.map(mirror).reverse());
    for (const hole of holes) hole.loop = hole.loop.map(mirror).reverse();
    for (const bend of bends) {
      bend.from = mirror(bend.from);
      bend.to = mirror(bend.to);
      bend.direction = bend.direction === "up" ? "down" : "up";
    }
    for (let index = 0; index < flatTriangles.length; index += 2)
      flatTriangles[index] = width - flatTriangles[index]!;
  }
  const cutLengthMm =
    polygonPerimeter(outer) + holes.reduce((sum, hole) => sum + polygonPerimeter(hole.loop), 0);
  const xs = outer.map((point) => point[0]);
  const ys = outer.map((point) => point[1]);
  const result: SheetMetalOk = {
    ok: true,
    thicknessMm: round(thicknessMm),
    kFactor,
    bends: bends.map(({ angleDeg, innerRadiusMm, lengthMm, faces: bendFaces }) => ({
      angleDeg,
      innerRadiusMm,
      lengthMm,
      faces: bendFaces,
    })),
    flatPattern: {
      widthMm: round(Math.max(...xs) - Math.min(...xs)),
      heightMm: round(Math.max(...ys) - Math.min(...ys)),
      areaMm2: round(areaMm2),
      cutLengthMm: round(cutLengthMm),
      pierces: holes.length + 1,
      outline: { outer, holes: holes.map((hole) => hole.loop) },
      bendLines: bends.map((bend) => ({
        from: bend.from,
        to: bend.to,
        angleDeg: bend.angleDeg,
        direction: bend.direction,
        innerRadiusMm: bend.innerRadiusMm,
      })),
    },
  };
  return {
    ok: true,
    result,
    detail: {
      thicknessMm,
      bends,
      planes: order.filter((id) => faces.get(id)!.type === "plane"),
      holes,
      outer,
      flatTriangles,
      flatTriangleFaces,
      overlaps: loopsCross([outer, ...holes.map((hole) => hole.loop)]),
    },
  };
}

function mapPoint(frame: Frame, point: Vec3): FlatPoint {
  if (frame.kind === "plane") {
    const offset = subtract(point, frame.origin);
    const u = dotProduct(offset, frame.e1);
    const v = dotProduct(offset, frame.e2);
    return [frame.at[0] + u * frame.E1[0] + v * frame.E2[0], frame.at[1] + u * frame.E1[1] + v * frame.E2[1]];
  }
  const along = dotProduct(subtract(point, frame.tangentPoint), frame.axis);
  const arc = angleAround(frame, point) * frame.neutralRadiusMm;
  return [
    frame.at[0] + along * frame.A[0] + arc * frame.D[0],
    frame.at[1] + along * frame.A[1] + arc * frame.D[1],
  ];
}

/** Angle of a point about the bend's axis, from the tangent line where unfolding entered the bend. */
function angleAround(frame: Extract<Frame, { kind: "cylinder" }>, point: Vec3): number {
  const offset = subtract(point, frame.centre);
  const angle = Math.atan2(dotProduct(offset, frame.toward), dotProduct(offset, frame.radial));
  return angle < -1e-3 ? angle + 2 * Math.PI : Math.max(0, angle);
}

function linear(frame: Frame, direction: Vec3): FlatPoint {
  if (frame.kind === "plane") {
    const u = dotProduct(direction, frame.e1);
    const v = dotProduct(direction, frame.e2);
    return [u * frame.E1[0] + v * frame.E2[0], u * frame.E1[1] + v * frame.E2[1]];
  }
  throw new Error("a bend is entered from a plane");
}

/** A bend entered from a plane: its strip starts on the line where the cylinder touches the plane. */
function cylinderFrom(
  frame: Frame,
  cylinder: SheetFace,
  plane: SheetFace,
  neutralRadiusMm: number,
  geometry: SheetFaces,
): Frame | undefined {
  if (frame.kind !== "plane") return undefined;
  const axis = cylinder.axis!;
  const centre = cylinder.originMm!;
  const tangentPoint = addScaled(
    centre,
    plane.normal!,
    -(dotProduct(plane.normal!, centre) - plane.offsetMm!),
  );
  const radial = normalize(subtract(tangentPoint, centre));
  let toward = normalize(crossProduct(axis, plane.normal!));
  let middle: Vec3 = [0, 0, 0];
  for (const vertex of cylinder.vertices)
    middle = addScaled(middle, pointOf(geometry.vertexPositions, vertex), 1);
  middle = middle.map((value) => value / cylinder.vertices.size) as Vec3;
  if (dotProduct(subtract(middle, tangentPoint), toward) < 0) toward = toward.map((value) => -value) as Vec3;
  const partial = { kind: "cylinder" as const, centre, axis, tangentPoint, radial, toward };
  let spanRad = 0;
  for (const vertex of cylinder.vertices)
    spanRad = Math.max(
      spanRad,
      angleAround(
        { ...partial, at: [0, 0], A: [0, 0], D: [0, 0], neutralRadiusMm, spanRad: 0 },
        pointOf(geometry.vertexPositions, vertex),
      ),
    );
  return {
    ...partial,
    at: mapPoint(frame, tangentPoint),
    A: linear(frame, axis),
    D: linear(frame, toward),
    neutralRadiusMm,
    spanRad,
  };
}

/** A plane entered from a bend: it continues the bend's strip from the tangent line where it touches. */
function planeFrom(frame: Frame, plane: SheetFace): Frame | undefined {
  if (frame.kind !== "cylinder") return undefined;
  const tangentPoint = addScaled(
    frame.centre,
    plane.normal!,
    -(dotProduct(plane.normal!, frame.centre) - plane.offsetMm!),
  );
  const angle = angleAround(frame, tangentPoint);
  // The plane leaves the bend at its far end (angle = span) or, rarely, at the end it was entered by.
  const farEnd = angle > frame.spanRad / 2;
  const tangent = addScaled(
    frame.radial.map((value) => value * -Math.sin(angle)) as Vec3,
    frame.toward,
    Math.cos(angle),
  );
  const away = farEnd ? tangent : (tangent.map((value) => -value) as Vec3);
  const sign = farEnd ? 1 : -1;
  return {
    kind: "plane",
    origin: tangentPoint,
    e1: frame.axis,
    e2: away,
    at: mapPoint(frame, tangentPoint),
    E1: frame.A,
    E2: [frame.D[0] * sign, frame.D[1] * sign],
  };
}

function anyPerpendicular(normal: Vec3): Vec3 {
  const helper: Vec3 = Math.abs(normal[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  return normalize(crossProduct(normal, helper));
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
