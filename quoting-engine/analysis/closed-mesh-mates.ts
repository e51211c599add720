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

/** A stretch of a display mesh's triangles: one body of a welded mesh whose edge table is known. */
export interface BodyOfKnownMates {
  /** The welded mesh's mates (every edge of two triangles, nothing collapsed or coincident). */
  mate: Int32Array;
  /** The welded mesh's triangles, as its mates number their half-edges. */
  weldedIndices: Uint32Array;
  /** Per triangle of the body, in display order: the welded triangle it is. */
  sourceTriangles: Int32Array;
  /** The body's triangles as drawn (welded vertex numbers; first corner kept, the others maybe swapped). */
  indices: Uint32Array;
}

const handedOn = new WeakMap<DisplayMesh, BodyOfKnownMates[]>();

/**
 * Says that a display mesh's triangles are, in order, these bodies of clean, closed welded meshes whose
 * mates are known (analysis of the model), so `displayMeshEdgeMates` need not build its edge table again.
 */
export function handOnEdgeMates(mesh: DisplayMesh, bodies: BodyOfKnownMates[]): void {
  handedOn.set(mesh, bodies);
}

/**
 * `closedMeshMates` of a display mesh: from the mates handed on with it (renumbered to its triangle order
 * and turns: the same array, since an edge of exactly two triangles has one mate however it is found), or
 * from its own edge table.
 */
export function displayMeshEdgeMates(mesh: DisplayMesh): Int32Array | undefined {
  const bodies = handedOn.get(mesh);
  handedOn.delete(mesh);
  if (!bodies) return closedMeshMates(mesh.indices, mesh.positions.length / 3);
  return matesInDisplayOrder(bodies, mesh.indices.length / 3);
}

function matesInDisplayOrder(bodies: BodyOfKnownMates[], triangleCount: number): Int32Array {
  // Per welded mesh, the display triangle each of its triangles became; per display triangle, whether
  // its second and third corners were swapped (turned to face its neighbours, outwards, or into a void).
  const displayTriangleOf = new Map<Int32Array, Int32Array>();
  const turned = new Uint8Array(triangleCount);
  let first = 0;
  for (const body of bodies) {
    let ofMesh = displayTriangleOf.get(body.mate);
    if (!ofMesh) {
      ofMesh = new Int32Array(body.mate.length / 3);
      displayTriangleOf.set(body.mate, ofMesh);
    }
    const { sourceTriangles, indices, weldedIndices } = body;
    for (let triangle = 0; triangle < sourceTriangles.length; triangle++) {
      const source = sourceTriangles[triangle]!;
      ofMesh[source] = first + triangle;
      if (indices[triangle * 3 + 1] !== weldedIndices[source * 3 + 1]) turned[first + triangle] = 1;
    }
    first += sourceTriangles.length;
  }
  // A turned triangle (a, c, b) runs its sides c–a, b–c, a–b of the welded (a, b, c) backwards: its
  // half-edge k is the welded one 2 − k.
  const mates = new Int32Array(triangleCount * 3);
  first = 0;
  for (const body of bodies) {
    const { mate, sourceTriangles } = body;
    const ofMesh = displayTriangleOf.get(mate)!;
    for (let triangle = 0; triangle < sourceTriangles.length; triangle++) {
      const source = sourceTriangles[triangle]!;
      const displayTriangle = first + triangle;
      const ownTurn = turned[displayTriangle] === 1;
      for (let corner = 0; corner < 3; corner++) {
        const other = mate[source * 3 + (ownTurn ? 2 - corner : corner)]!;
        const otherSource = (other / 3) | 0;
        const otherCorner = other - otherSource * 3;
        const otherTriangle = ofMesh[otherSource]!;
        mates[displayTriangle * 3 + corner] =
          otherTriangle * 3 + (turned[otherTriangle] === 1 ? 2 - otherCorner : otherCorner);
      }
    }
    first += sourceTriangles.length;
  }
  return mates;
}
