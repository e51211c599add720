import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";

/**
 * Builds bent sheet-metal solids with OpenCascade for the tests: a profile of constant thickness `t`
 * around a centreline polyline in the XZ plane, every corner bent with inner radius `r`, extruded along
 * Y. The exact flat length follows from the construction: the straight lengths between the bend tangent
 * lines plus, per bend, the arc of the neutral fibre (angle × (r + K·t)).
 */
export interface BentProfile {
  /** Centreline corner points (x, z), mm: the sheet's mid-surface as if bent sharp. */
  path: [number, number][];
  thicknessMm: number;
  innerRadiusMm: number;
  /** Extrusion along +Y from y = yFromMm. */
  widthMm: number;
  yFromMm?: number;
}

type Point2 = [number, number];

export function bentProfileSolid(occt: OpenCascadeInstance, profile: BentProfile): TopoDS_Shape {
  const { path, thicknessMm: t, innerRadiusMm: r } = profile;
  const half = t / 2;
  const rho = r + half;
  const directions = path.slice(1).map((point, index) => unit(sub(point, path[index]!)));
  const left: (Point2 | { arc: [Point2, Point2, Point2] })[] = [];
  const right: (Point2 | { arc: [Point2, Point2, Point2] })[] = [];
  left.push(add(path[0]!, scale(leftNormal(directions[0]!), half)));
  right.push(add(path[0]!, scale(leftNormal(directions[0]!), -half)));
  for (let corner = 1; corner < path.length - 1; corner++) {
    const d1 = directions[corner - 1]!;
    const d2 = directions[corner]!;
    const turn = Math.atan2(cross(d1, d2), dot(d1, d2));
    const setback = rho * Math.tan(Math.abs(turn) / 2);
    const t1 = sub(path[corner]!, scale(d1, setback));
    const t2 = add(path[corner]!, scale(d2, setback));
    const centre = add(t1, scale(leftNormal(d1), Math.sign(turn) * rho));
    for (const [side, sign] of [
      [left, 1],
      [right, -1],
    ] as const) {
      const a = add(t1, scale(leftNormal(d1), sign * half));
      const b = add(t2, scale(leftNormal(d2), sign * half));
      const radius = Math.hypot(...sub(a, centre));
      const mid = add(centre, scale(unit(sub(scale(add(a, b), 0.5), centre)), radius));
      side.push(a, { arc: [a, mid, b] });
    }
  }
  const last = path[path.length - 1]!;
  const lastDirection = directions[directions.length - 1]!;
  left.push(add(last, scale(leftNormal(lastDirection), half)));
  right.push(add(last, scale(leftNormal(lastDirection), -half)));

  const at = (p: Point2) => new occt.gp_Pnt(p[0], 0, p[1]);
  const wire = new occt.BRepBuilderAPI_MakeWire();
  let previous: Point2 | undefined;
  const walk = (items: (Point2 | { arc: [Point2, Point2, Point2] })[]) => {
    for (const item of items) {
      if ("arc" in item) {
        const [a, m, b] = item.arc;
        if (previous && Math.hypot(...sub(a, previous)) > 1e-9)
          wire.Add(new occt.BRepBuilderAPI_MakeEdge(at(previous), at(a)).Edge());
        wire.Add(
          new occt.BRepBuilderAPI_MakeEdge(new occt.GC_MakeArcOfCircle(at(a), at(m), at(b)).Value()).Edge(),
        );
        previous = b;
        continue;
      }
      if (previous && Math.hypot(...sub(item, previous)) > 1e-9)
        wire.Add(new occt.BRepBuilderAPI_MakeEdge(at(previous), at(item)).Edge());
      previous = item;
    }
  };
  walk(left);
  walk(reverseSide(right));
  wire.Add(new occt.BRepBuilderAPI_MakeEdge(at(previous!), at(left[0] as Point2)).Edge());
  const face = new occt.BRepBuilderAPI_MakeFace(wire.Wire(), true).Face();
  const prism = new occt.BRepPrimAPI_MakePrism(
    face,
    new occt.gp_Vec(0, profile.widthMm, 0),
    false,
    true,
  ).Shape();
  return translate(occt, prism, [0, profile.yFromMm ?? 0, 0]);
}

/** The right side walked backwards: points in reverse, each arc's ends swapped. */
function reverseSide(
  items: (Point2 | { arc: [Point2, Point2, Point2] })[],
): (Point2 | { arc: [Point2, Point2, Point2] })[] {
  return [...items]
    .reverse()
    .map((item) => ("arc" in item ? { arc: [item.arc[2], item.arc[1], item.arc[0]] } : item));
}

/** Flat length of a bent profile: straights between tangent lines plus the neutral arcs (angle × (r + K t)). */
export function expectedFlatLengthMm(profile: BentProfile, kFactor: number): number {
  const { path, thicknessMm: t, innerRadiusMm: r } = profile;
  const rho = r + t / 2;
  let length = 0;
  for (let index = 1; index < path.length; index++)
    length += Math.hypot(...sub(path[index]!, path[index - 1]!));
  for (let corner = 1; corner < path.length - 1; corner++) {
    const d1 = unit(sub(path[corner]!, path[corner - 1]!));
    const d2 = unit(sub(path[corner + 1]!, path[corner]!));
    const angle = Math.abs(Math.atan2(cross(d1, d2), dot(d1, d2)));
    length += -2 * rho * Math.tan(angle / 2) + angle * (r + kFactor * t);
  }
  return length;
}

export function box(
  occt: OpenCascadeInstance,
  min: [number, number, number],
  max: [number, number, number],
): TopoDS_Shape {
  return new occt.BRepPrimAPI_MakeBox(new occt.gp_Pnt(...min), new occt.gp_Pnt(...max)).Shape();
}

/** A cylinder of `diameterMm` through `centre` along `axis`, long enough to pass through any test part. */
export function drill(
  occt: OpenCascadeInstance,
  centre: [number, number, number],
  axis: [number, number, number],
  diameterMm: number,
): TopoDS_Shape {
  const start = centre.map((value, index) => value - axis[index]! * 500) as [number, number, number];
  const axes = new occt.gp_Ax2(new occt.gp_Pnt(...start), new occt.gp_Dir(...axis));
  return new occt.BRepPrimAPI_MakeCylinder(axes, diameterMm / 2, 1000).Shape();
}

export function cut(occt: OpenCascadeInstance, shape: TopoDS_Shape, ...tools: TopoDS_Shape[]): TopoDS_Shape {
  let result = shape;
  for (const tool of tools)
    result = new occt.BRepAlgoAPI_Cut(result, tool, new occt.Message_ProgressRange()).Shape();
  return result;
}

/** Fused and with coplanar faces merged, as a CAD system's sheet-metal body exports. */
export function fuse(occt: OpenCascadeInstance, ...shapes: TopoDS_Shape[]): TopoDS_Shape {
  let result = shapes[0]!;
  for (const shape of shapes.slice(1))
    result = new occt.BRepAlgoAPI_Fuse(result, shape, new occt.Message_ProgressRange()).Shape();
  const unify = new occt.ShapeUpgrade_UnifySameDomain(result, true, true, false);
  unify.Build();
  return unify.Shape();
}

export function translate(
  occt: OpenCascadeInstance,
  shape: TopoDS_Shape,
  by: [number, number, number],
): TopoDS_Shape {
  const move = new occt.gp_Trsf();
  move.SetTranslation(new occt.gp_Vec(...by));
  return new occt.BRepBuilderAPI_Transform(shape, move, true, false).Shape();
}

/** Turns a shape about the Z axis through the origin. */
export function rotateZ(occt: OpenCascadeInstance, shape: TopoDS_Shape, degrees: number): TopoDS_Shape {
  const turn = new occt.gp_Trsf();
  turn.SetRotation(
    new occt.gp_Ax1(new occt.gp_Pnt(0, 0, 0), new occt.gp_Dir(0, 0, 1)),
    (degrees * Math.PI) / 180,
  );
  return new occt.BRepBuilderAPI_Transform(shape, turn, true, false).Shape();
}

/** The shape as STEP text (AP214, as drawn), as the fixture scripts in tests/fixtures/cad write it. */
export function stepText(occt: OpenCascadeInstance, shape: TopoDS_Shape): string {
  const writer = new occt.STEPControl_Writer();
  writer.Transfer(
    shape,
    occt.STEPControl_StepModelType.STEPControl_AsIs as never,
    true,
    new occt.Message_ProgressRange(),
  );
  writer.Write("/shape.step");
  return occt.FS.readFile("/shape.step", { encoding: "utf8" }) as string;
}

/**
 * tests/fixtures/cad/constructed_bent_bracket_2mm.step's bracket: 2 mm sheet, a 60 mm base flange and an
 * 80 mm upright (centreline lengths), 100 mm wide, one 90° bend of inner radius 2 mm, two ⌀8 holes in
 * the base and one ⌀10 in the upright.
 */
export function bentBracket2mm(occt: OpenCascadeInstance): TopoDS_Shape {
  return cut(
    occt,
    bentProfileSolid(occt, {
      path: [
        [0, 0],
        [60, 0],
        [60, 80],
      ],
      thicknessMm: 2,
      innerRadiusMm: 2,
      widthMm: 100,
    }),
    drill(occt, [25, 25, 0], [0, 0, 1], 8),
    drill(occt, [25, 75, 0], [0, 0, 1], 8),
    drill(occt, [60, 50, 50], [1, 0, 0], 10),
  );
}

/** The shape as OpenCascade BREP text, which `analyzeFile` reads like an uploaded file. */
export function brepBytes(occt: OpenCascadeInstance, shape: TopoDS_Shape): Uint8Array {
  return new TextEncoder().encode(occt.BRepToolsWrapper.Write(shape));
}

const add = (a: Point2, b: Point2): Point2 => [a[0] + b[0], a[1] + b[1]];
const sub = (a: Point2, b: Point2): Point2 => [a[0] - b[0], a[1] - b[1]];
const scale = (a: Point2, s: number): Point2 => [a[0] * s, a[1] * s];
const dot = (a: Point2, b: Point2) => a[0] * b[0] + a[1] * b[1];
const cross = (a: Point2, b: Point2) => a[0] * b[1] - a[1] * b[0];
const unit = (a: Point2): Point2 => scale(a, 1 / Math.hypot(...a));
const leftNormal = (a: Point2): Point2 => [-a[1], a[0]];
