import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import type { ShapeTriangulationNodes } from "./read-triangulation-nodes";

/**
 * The display-mesh vertices of a copy of a shape whose triangulation was read (`readTriangulationNodes`):
 * each face's float64 nodes moved by the copy's face placement with OpenCascade's own arithmetic
 * (gp_Trsf::Transforms: the rows of the rotation, then the translation), then rounded to float32 as
 * the kernel's mesh extractor rounds them: the vertices the extractor gives for that triangulation, without
 * meshing the copy again. Undefined when a face lacks the triangulation or is scaled (the caller then
 * meshes the copy on its own).
 */
export function placeRepeatedMesh(
  occt: OpenCascadeInstance,
  copy: TopoDS_Shape,
  prototype: ShapeTriangulationNodes,
): Float32Array | undefined {
  const vertices = new Float32Array(prototype.nodeCount * 3);
  let vertex = 0;
  let faceIndex = 0;
  const T = occt.TopAbs_ShapeEnum;
  const explorer = new occt.TopExp_Explorer(copy, T.TopAbs_FACE, T.TopAbs_SHAPE);
  try {
    for (; explorer.More(); explorer.Next()) {
      const current = explorer.Current();
      const face = occt.TopoDS.Face(current);
      const location = new occt.TopLoc_Location();
      const triangulation = occt.BRep_Tool.Triangulation(face, location, 0);
      try {
        if (!triangulation || triangulation.isNull()) continue;
        const nodes = prototype.faceNodes[faceIndex++];
        if (!nodes || nodes.length !== triangulation.NbNodes() * 3) return undefined;
        if (location.IsIdentity()) {
          vertices.set(nodes, vertex);
        } else {
          const trsf = location.Transformation();
          try {
            if (trsf.ScaleFactor() !== 1) return undefined;
            const m = [1, 2, 3].flatMap((row) => [1, 2, 3, 4].map((column) => trsf.Value(row, column)));
            const [m11, m12, m13, t1, m21, m22, m23, t2, m31, m32, m33, t3] = m as [
              number,
              number,
              number,
              number,
              number,
              number,
              number,
              number,
              number,
              number,
              number,
              number,
            ];
            for (let node = 0; node < nodes.length; node += 3) {
              const x = nodes[node]!;
              const y = nodes[node + 1]!;
              const z = nodes[node + 2]!;
              vertices[vertex + node] = m11 * x + m12 * y + m13 * z + t1;
              vertices[vertex + node + 1] = m21 * x + m22 * y + m23 * z + t2;
              vertices[vertex + node + 2] = m31 * x + m32 * y + m33 * z + t3;
            }
          } finally {
            trsf.delete();
          }
        }
        vertex += nodes.length;
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
  return faceIndex === prototype.faceNodes.length ? vertices : undefined;
}
