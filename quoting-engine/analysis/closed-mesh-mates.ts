import { buildMeshEdgeTable } from "./mesh-edge-table";

/**
 * The other half-edge (triangle · 3 + corner, running corner → corner + 1) of every half-edge, when every
 * edge of the mesh joins exactly two triangles and no triangle is collapsed or lies on another's three
 * vertices; `undefined` for any other mesh. On such a mesh each triangle's neighbour across a side is the
 * mate's triangle, whichever way the neighbours are searched: segmenting, wall thickness and FDM slicing
 * take it from here instead of each building its own edge table.
 */
export function closedMeshMates(indices: Uint32Array, vertexCount: number): Int32Array | undefined {
  const table = buildMeshEdgeTable(indices, vertexCount);
  const clean =
    table.degenerateCount === 0 &&
    table.openEdgeCount === 0 &&
    table.sharedEdgeCount === 0 &&
    !table.hasCoincidentTriangles;
  return clean ? table.mate : undefined;
}

/** Each half-edge's neighbouring triangle across it (the mate's triangle). */
export function neighbourAcrossMates(mates: Int32Array): Int32Array {
  const neighbours = new Int32Array(mates.length);
  for (let halfEdge = 0; halfEdge < mates.length; halfEdge++)
    neighbours[halfEdge] = (mates[halfEdge]! / 3) | 0;
  return neighbours;
}
