import type { OpenCascadeInstance, Poly_Triangulation, TopoDS_Shape } from "replicad-opencascadejs";
import { forEachFaceTriangulation } from "./for-each-face-triangulation";

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
  forEachFaceTriangulation(occt, shape, (triangulation) => {
    const nodes = nodesOf(triangulation);
    faceNodes.push(nodes);
    nodeCount += nodes.length / 3;
  });
  return { faceNodes, nodeCount };
}

/**
 * x, y, z of each node of one face's triangulation. A module function, not inside the visit's closure:
 * V8 keeps its optimised code from one file to the next (decision 0102).
 */
function nodesOf(triangulation: Poly_Triangulation): Float64Array {
  const count = triangulation.NbNodes();
  const nodes = new Float64Array(count * 3);
  for (let index = 1; index <= count; index++) {
    const node = triangulation.Node(index);
    nodes[(index - 1) * 3] = node.X();
    nodes[(index - 1) * 3 + 1] = node.Y();
    nodes[(index - 1) * 3 + 2] = node.Z();
    node.delete();
  }
  return nodes;
}
