import type { TopoDS_Shape } from "replicad-opencascadejs";
import type { BrepFace, MeshPart } from "./cad-model";
import type { ShapeTriangulationNodes } from "./read-triangulation-nodes";

type Vector3 = [number, number, number];

/** What a shape's B-rep integrals give, the same for every copy of it up to where the faces lie. */
export interface ShapeMeasures {
  /** The shape's faces in explorer order, their ids counted from the shape's first face id. */
  faces: BrepFace[];
  volumeMm3: number;
  areaMm2: number;
  internalVoids: number;
}

/** A solid measured on its own, kept (with its placement) so that its copies can reuse its integrals. */
export interface MeasuredPrototype {
  solid: TopoDS_Shape;
  measures: ShapeMeasures;
  /** Its display mesh and the triangulation's nodes it came from, which its copies are placed from. */
  mesh?: { part: MeshPart; firstFaceId: number; nodes: ShapeTriangulationNodes };
}

/** Rows of a rigid motion, [r11, r12, r13, t1, r21, …, t3], from the prototype's placement to the copy's. */
type RigidMotion = number[];

/**
 * The measures of `copy` when it is another placement of a prototype's shape (the same OpenCascade TShape,
 * as assemblies place one part several times): volume, area and face areas are the prototype's, the faces'
 * axes and origins moved by the rigid motion from the prototype to the copy; ids count from `firstFaceId`.
 * Undefined when no prototype shares the shape, or the copy is reversed, mirrored or scaled against it:
 * then the copy is measured on its own. With the measures comes the prototype they were placed from.
 */
export function placeRepeatedShape(
  prototypes: MeasuredPrototype[],
  copy: TopoDS_Shape,
  firstFaceId: number,
): { measures: ShapeMeasures; prototype: MeasuredPrototype } | undefined {
  const copyOrientation = copy.Orientation();
  const prototype = prototypes.find(
    // OpenCascade's word for "the same TShape, wherever placed"; not the marketplace's suppliers.
    // eslint-disable-next-line local/one-word-for-suppliers
    ({ solid }) => solid.IsPartner(copy) && solid.Orientation() === copyOrientation,
  );
  if (!prototype) return undefined;
  const motion = rigidMotionBetween(prototype.solid, copy);
  if (!motion) return undefined;
  const { measures } = prototype;
  return {
    measures: {
      ...measures,
      faces: measures.faces.map((face, index) => placeFace(face, firstFaceId + index, motion)),
    },
    prototype,
  };
}

function rigidMotionBetween(prototype: TopoDS_Shape, copy: TopoDS_Shape): RigidMotion | undefined {
  const [prototypeLocation, copyLocation] = [prototype.Location(), copy.Location()];
  const [prototypeTrsf, copyTrsf] = [prototypeLocation.Transformation(), copyLocation.Transformation()];
  const fromPrototype = prototypeTrsf.Inverted();
  // Copy = T_copy(x) and prototype = T_prototype(x) for the shape's own x: copy = T_copy·T_prototype⁻¹(prototype).
  const motion = copyTrsf.Multiplied(fromPrototype);
  try {
    if (motion.IsNegative() || Math.abs(motion.ScaleFactor() - 1) > 1e-12) return undefined;
    const rows: number[] = [];
    for (let row = 1; row <= 3; row++)
      for (let column = 1; column <= 4; column++) rows.push(motion.Value(row, column));
    return rows.every(Number.isFinite) ? rows : undefined;
  } finally {
    [motion, fromPrototype, copyTrsf, prototypeTrsf, copyLocation, prototypeLocation].forEach((object) =>
      object.delete(),
    );
  }
}

function placeFace(face: BrepFace, id: number, motion: RigidMotion): BrepFace {
  const placed: BrepFace = { ...face, id };
  if (face.axis) placed.axis = rotate(motion, face.axis);
  if (face.originMm)
    placed.originMm = add(rotate(motion, face.originMm), [motion[3]!, motion[7]!, motion[11]!]);
  return placed;
}

function rotate(motion: RigidMotion, [x, y, z]: Vector3): Vector3 {
  const row = (first: number) => motion[first]! * x + motion[first + 1]! * y + motion[first + 2]! * z;
  return [row(0), row(4), row(8)];
}

const add = (a: Vector3, b: Vector3): Vector3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
