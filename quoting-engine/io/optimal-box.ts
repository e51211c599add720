import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import type { SurfaceType } from "./cad-model";

type Vector3 = [number, number, number];
type Box = [number, number, number, number, number, number];
const emptyBox: Box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];

/**
 * A solid's optimal bounding box, the same to the last bit as `BRepBndLib.AddOptimal(solid)` (no
 * triangulation, no tolerance), with fewer costly faces optimised. The kernel's box is its faces' optimal
 * boxes merged in explorer order. Optimising a torus, sphere, B-spline or Bézier face is costly (tori and
 * spheres are nine tenths of nist_ftc_06's box); the kernel's quick box of such a face (analytic over the
 * face's patch, or a B-spline's poles, which hold it) bounds it, and a face whose quick box stays well
 * inside the box of the faces already optimised cannot move any side of it. Those faces are left out; the
 * others are optimised, the costly ones most outlying first, and merged in explorer order with the
 * kernel's comparisons (a tie keeps the earlier face's value, so even the sign of a zero is the kernel's).
 * `faceTypes` are the solid's faces' types: without a costly one, the kernel boxes the solid at once.
 */
export function measureOptimalBox(
  occt: OpenCascadeInstance,
  solid: TopoDS_Shape,
  faceTypes: SurfaceType[],
): { min: Vector3; max: Vector3 } {
  const costly = faceTypes.some((type) => type === "sphere" || type === "torus" || type === "other");
  const box = costly ? boxFaceByFace(occt, solid) : boxOf(occt, solid, true);
  return { min: [box[0], box[1], box[2]], max: [box[3], box[4], box[5]] };
}

function boxFaceByFace(occt: OpenCascadeInstance, solid: TopoDS_Shape): Box {
  const T = occt.TopAbs_ShapeEnum;
  const kinds = occt.GeomAbs_SurfaceType;
  const hulledSurfaces = new Set<unknown>([
    kinds.GeomAbs_Sphere,
    kinds.GeomAbs_Torus,
    kinds.GeomAbs_BSplineSurface,
    kinds.GeomAbs_BezierSurface,
  ]);
  const faces: { face: TopoDS_Shape; hull?: Box; optimal?: Box }[] = [];
  const explorer = new occt.TopExp_Explorer(solid, T.TopAbs_FACE, T.TopAbs_SHAPE);
  try {
    for (; explorer.More(); explorer.Next()) {
      const face = explorer.Current();
      const typed = occt.TopoDS.Face(face);
      const adaptor = new occt.BRepAdaptor_Surface(typed, false);
      const hulled = hulledSurfaces.has(adaptor.GetType());
      adaptor.delete();
      typed.delete();
      faces.push({ face, ...(hulled ? { hull: boxOf(occt, face, false) } : {}) });
    }
    let merged: Box | undefined;
    const optimise = (entry: (typeof faces)[number]) => {
      entry.optimal = boxOf(occt, entry.face, true);
      merged = merged ? union(merged, entry.optimal) : [...entry.optimal];
    };
    for (const entry of faces) if (!entry.hull) optimise(entry);
    const hulled = faces.filter((entry) => entry.hull);
    const hulls = hulled.map((entry) => entry.hull!).reduce(union, emptyBox);
    // How far a face's quick box reaches towards the sides of all quick boxes together.
    const reach = (hull: Box) =>
      Math.max(
        hulls[0] - hull[0],
        hulls[1] - hull[1],
        hulls[2] - hull[2],
        hull[3] - hulls[3],
        hull[4] - hulls[4],
        hull[5] - hulls[5],
      );
    hulled.sort((a, b) => reach(b.hull!) - reach(a.hull!));
    for (const entry of hulled) if (!merged || !wellInside(entry.hull!, merged)) optimise(entry);
    // Merged again in explorer order, with Bnd_Box::Update's comparisons.
    let box: Box | undefined;
    for (const { optimal } of faces) {
      if (!optimal) continue;
      if (!box) box = [...optimal];
      else
        for (let axis = 0; axis < 3; axis++) {
          if (optimal[axis]! < box[axis]!) box[axis] = optimal[axis]!;
          if (optimal[axis + 3]! > box[axis + 3]!) box[axis + 3] = optimal[axis + 3]!;
        }
    }
    return box ?? boxOf(occt, solid, true);
  } finally {
    for (const { face } of faces) face.delete();
    explorer.delete();
  }
}

function boxOf(occt: OpenCascadeInstance, shape: TopoDS_Shape, optimal: boolean): Box {
  const box = new occt.Bnd_Box();
  if (optimal) occt.BRepBndLib.AddOptimal(shape, box, false, false);
  else occt.BRepBndLib.Add(shape, box, false);
  const result: Box = [
    box.GetXMin(),
    box.GetYMin(),
    box.GetZMin(),
    box.GetXMax(),
    box.GetYMax(),
    box.GetZMax(),
  ];
  box.delete();
  return result;
}

function union(a: Box, b: Box): Box {
  return [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.max(a[3], b[3]),
    Math.max(a[4], b[4]),
    Math.max(a[5], b[5]),
  ];
}

/** Inside `box` by a thousandth of its diagonal on every side: no rounding in the optimiser reaches out. */
function wellInside(hull: Box, box: Box): boolean {
  const margin = 1e-3 * Math.hypot(box[3] - box[0], box[4] - box[1], box[5] - box[2]);
  return (
    hull[0] > box[0] + margin &&
    hull[1] > box[1] + margin &&
    hull[2] > box[2] + margin &&
    hull[3] < box[3] - margin &&
    hull[4] < box[4] - margin &&
    hull[5] < box[5] - margin
  );
}
