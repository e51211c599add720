import type { DisplayMesh } from "./analyze-model";
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

const handedOn = new WeakMap<DisplayMesh, Int32Array>();

/**
 * Hands on a display mesh's edge mates, known from analysing the model (`splitAndOrientBodies` with
 * `edgeMates`), so `displayMeshEdgeMates` need not build its edge table again.
 */
export function handOnEdgeMates(mesh: DisplayMesh, mates: Int32Array): void {
  handedOn.set(mesh, mates);
}

/**
 * `closedMeshMates` of a display mesh: the mates handed on with it (the same array: an edge of exactly
 * two triangles has one mate however it is found), or else from its own edge table.
 */
export function displayMeshEdgeMates(mesh: DisplayMesh): Int32Array | undefined {
  const mates = handedOn.get(mesh);
  handedOn.delete(mesh);
  return mates ?? closedMeshMates(mesh.indices, mesh.positions.length / 3);
}

/**
 * The mates after triangles first … end − 1 are all turned round ((a, b, c) → (a, c, b)): a turned
 * triangle's side k is its old side 2 − k, on both sides of each edge (a turned body's mates stay in it).
 */
export function turnMatesAround(mates: Int32Array, first: number, end: number): void {
  const turn = (halfEdge: number) => {
    const corner = halfEdge % 3;
    return halfEdge - corner + 2 - corner;
  };
  for (let triangle = first; triangle < end; triangle++) {
    const side0 = mates[triangle * 3]!;
    mates[triangle * 3] = turn(mates[triangle * 3 + 2]!);
    mates[triangle * 3 + 1] = turn(mates[triangle * 3 + 1]!);
    mates[triangle * 3 + 2] = turn(side0);
  }
}
