import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";

type Occt = OpenCascadeInstance;

export interface SewnFaces {
  /** Closed shells made solids (oriented outwards by ShapeFix_Solid); the caller deletes them. */
  solids: TopoDS_Shape[];
  /** Shells and faces that stay open after sewing; the caller deletes them. */
  openShells: TopoDS_Shape[];
  /** Faces outside any solid that went into the sewing. */
  surfaceCount: number;
  /** Faces that now bound a sewn solid. */
  sewnSurfaces: number;
  /** Edges still bounding one face only. */
  freeEdges: number;
  toleranceMm: number;
}

/**
 * The sewing tolerance for exact B-reps: 1/10 000 of the part's diagonal, at least 1 µm. There is no
 * tessellation gap to bridge here, only the modelling tolerance the exporter wrote the surfaces with.
 */
export function brepSewingToleranceMm(diagonalMm: number): number {
  return Math.max(1e-3, diagonalMm * 1e-4);
}

/**
 * Sews the faces of a STEP or BREP shape that belong to no solid (free shells, loose faces: a "surfaces
 * only" export) with OpenCascade's BRepBuilderAPI_Sewing, and turns every shell that closes into a
 * solid, measured exactly afterwards like any other. Returns undefined when every face is in a solid.
 */
export function sewBrepFaces(occt: Occt, shape: TopoDS_Shape): SewnFaces | undefined {
  const T = occt.TopAbs_ShapeEnum;
  const faces = new occt.TopExp_Explorer(shape, T.TopAbs_FACE, T.TopAbs_SOLID);
  if (!faces.More()) {
    faces.delete(); // every face is in a solid: the common case costs one explorer
    return undefined;
  }
  const toleranceMm = brepSewingToleranceMm(shapeDiagonalMm(occt, shape));
  const sewing = new occt.BRepBuilderAPI_Sewing(toleranceMm, true, true, true, false);
  let surfaceCount = 0;
  for (; faces.More(); faces.Next()) {
    const face = faces.Current();
    sewing.Add(face);
    face.delete();
    surfaceCount++;
  }
  faces.delete();
  const progress = new occt.Message_ProgressRange();
  sewing.Perform(progress);
  progress.delete();
  const sewn = sewing.SewedShape();
  const freeEdges = sewing.NbFreeEdges();
  sewing.delete();
  const solids: TopoDS_Shape[] = [];
  const openShells: TopoDS_Shape[] = [];
  let sewnSurfaces = 0;
  const shells = new occt.TopExp_Explorer(sewn, T.TopAbs_SHELL, T.TopAbs_SOLID);
  for (; shells.More(); shells.Next()) {
    const shell = shells.Current();
    if (!occt.BRep_Tool.IsClosed(shell)) {
      openShells.push(shell);
      continue;
    }
    const fix = new occt.ShapeFix_Solid();
    const typed = occt.TopoDS.Shell(shell);
    solids.push(fix.SolidFromShell(typed));
    sewnSurfaces += countFaces(occt, shell);
    [typed, fix, shell].forEach((object) => object.delete());
  }
  shells.delete();
  // A face the sewing joined to nothing stays a bare face: an open surface of its own.
  const loose = new occt.TopExp_Explorer(sewn, T.TopAbs_FACE, T.TopAbs_SHELL);
  for (; loose.More(); loose.Next()) openShells.push(loose.Current());
  loose.delete();
  sewn.delete();
  return { solids, openShells, surfaceCount, sewnSurfaces, freeEdges, toleranceMm };
}

function countFaces(occt: Occt, shape: TopoDS_Shape): number {
  let count = 0;
  const T = occt.TopAbs_ShapeEnum;
  const explorer = new occt.TopExp_Explorer(shape, T.TopAbs_FACE, T.TopAbs_SHAPE);
  for (; explorer.More(); explorer.Next()) {
    explorer.Current().delete();
    count++;
  }
  explorer.delete();
  return count;
}

/** The diagonal of the shape's bounding box, millimetres (the sewing tolerance scales with it). */
export function shapeDiagonalMm(occt: Occt, shape: TopoDS_Shape): number {
  const box = new occt.Bnd_Box();
  occt.BRepBndLib.Add(shape, box, false);
  const diagonal = box.IsVoid()
    ? 0
    : Math.hypot(box.GetXMax() - box.GetXMin(), box.GetYMax() - box.GetYMin(), box.GetZMax() - box.GetZMin());
  box.delete();
  return diagonal;
}
