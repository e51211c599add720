import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";

/**
 * A shape's triangulation as OpenCascade stores it, before any placement: per triangulated face (explorer
 * order, as the mesh extractor walks them) its nodes in the face's own coordinates, in float64.
 */
export interface ShapeTriangulationNodes {
  /** x, y, z per node, per triangulated face. */
  faceNodes: Float64Array[];
  /** Nodes of all faces together: the extracted mesh's vertex count. */
  nodeCount: number;
}

/**
 * Reads the nodes of the triangulation the kernel just made for `shape` (ReplicadMeshExtractor.extract),
 * face by face, as the kernel holds them in float64. Copies of the shape share this triangulation
 * (OpenCascade keeps it on the shared TShape), so their display mesh is these nodes in each copy's placement.
 */
export function readTriangulationNodes(
  occt: OpenCascadeInstance,
  shape: TopoDS_Shape,
): ShapeTriangulationNodes {
  const faceNodes: Float64Array[] = [];
  let nodeCount = 0;
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
        const count = triangulation.NbNodes();
        const nodes = new Float64Array(count * 3);
        for (let index = 1; index <= count; index++) {
          const node = triangulation.Node(index);
          nodes[(index - 1) * 3] = node.X();
          nodes[(index - 1) * 3 + 1] = node.Y();
          nodes[(index - 1) * 3 + 2] = node.Z();
          node.delete();
        }
        faceNodes.push(nodes);
        nodeCount += count;
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
  return { faceNodes, nodeCount };
}
