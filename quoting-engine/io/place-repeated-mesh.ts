import type { OpenCascadeInstance, TopoDS_Shape, gp_Trsf } from "replicad-opencascadejs";
import { forEachFaceTriangulation } from "./for-each-face-triangulation";
import type { ShapeTriangulationNodes } from "./read-triangulation-nodes";

/**
 * The display-mesh vertices of a copy of a shape whose triangulation was read (`readTriangulationNodes`):
 * each face's float64 nodes moved by the copy's face placement with OpenCascade's own arithmetic
 * (gp_Trsf::Transforms: the rotation's rows added left to right, then the translation), then rounded to
 * float32 as the kernel's mesh extractor rounds them: the vertices the extractor gives for that
 * triangulation, without meshing the copy again. Undefined when a face lacks the triangulation or is
 * scaled (the caller then meshes the copy on its own).
 */
export function placeRepeatedMesh(
  occt: OpenCascadeInstance,
  copy: TopoDS_Shape,
  prototype: ShapeTriangulationNodes,
): Float32Array | undefined {
  const vertices = new Float32Array(prototype.nodeCount * 3);
  let vertex = 0;
  let faceIndex = 0;
  let placed = true;
  forEachFaceTriangulation(occt, copy, (triangulation, location) => {
    const nodes = prototype.faceNodes[faceIndex++];
    if (!nodes || nodes.length !== triangulation.NbNodes() * 3) return (placed = false);
    if (location.IsIdentity()) vertices.set(nodes, vertex);
    else {
      const trsf = location.Transformation();
      const scale = trsf.ScaleFactor();
      if (scale === 1) placeNodes(nodes, trsf, vertices, vertex);
      trsf.delete();
      if (scale !== 1) return (placed = false);
    }
    vertex += nodes.length;
  });
  return placed && faceIndex === prototype.faceNodes.length ? vertices : undefined;
}

/**
 * `nodes` moved by `trsf` (its rotation's rows added left to right, then the translation) into `vertices`
 * from `first` on. A module function, not inside the visit's closure: V8 keeps its optimised code from
 * one file to the next, and compiled the closure's loop again for every file (decision 0102).
 */
function placeNodes(nodes: Float64Array, trsf: gp_Trsf, vertices: Float32Array, first: number): void {
  const at = (row: number, column: number) => trsf.Value(row, column);
  const [m11, m12, m13, t1] = [at(1, 1), at(1, 2), at(1, 3), at(1, 4)];
  const [m21, m22, m23, t2] = [at(2, 1), at(2, 2), at(2, 3), at(2, 4)];
  const [m31, m32, m33, t3] = [at(3, 1), at(3, 2), at(3, 3), at(3, 4)];
  for (let node = 0; node < nodes.length; node += 3) {
    const x = nodes[node]!;
    const y = nodes[node + 1]!;
    const z = nodes[node + 2]!;
    vertices[first + node] = m11 * x + m12 * y + m13 * z + t1;
    vertices[first + node + 1] = m21 * x + m22 * y + m23 * z + t2;
    vertices[first + node + 2] = m31 * x + m32 * y + m33 * z + t3;
  }
}
