import type {
  OpenCascadeInstance,
  Poly_Triangulation,
  TopLoc_Location,
  TopoDS_Shape,
} from "replicad-opencascadejs";

/**
 * Visits the triangulated faces of `shape` in explorer order (the order the kernel's mesh extractor walks
 * them) with each face's triangulation and its placement; faces without one are passed over. Stops when
 * `visit` returns false. The kernel objects are freed after each visit.
 */
export function forEachFaceTriangulation(
  occt: OpenCascadeInstance,
  shape: TopoDS_Shape,
  visit: (triangulation: Poly_Triangulation, location: TopLoc_Location) => boolean | void,
): void {
  const T = occt.TopAbs_ShapeEnum;
  const explorer = new occt.TopExp_Explorer(shape, T.TopAbs_FACE, T.TopAbs_SHAPE);
  try {
    for (; explorer.More(); explorer.Next()) {
      const current = explorer.Current();
      const face = occt.TopoDS.Face(current);
      const location = new occt.TopLoc_Location();
      const triangulation = occt.BRep_Tool.Triangulation(face, location, 0);
      try {
        if (!triangulation || triangulation.isNull()) continue;
        if (visit(triangulation, location) === false) return;
      } finally {
        triangulation?.delete();
        location.delete();
        face.delete();
        current.delete();
      }
    }
  } finally {
    explorer.delete();
  }
}
