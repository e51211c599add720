import { BufferAttribute, BufferGeometry } from "three";
import { decodeDisplayMesh } from "@/lib/parts/display-mesh-codec";

export interface ViewerMesh {
  geometry: BufferGeometry;
  /** Face id of each triangle, in the order of the geometry's triangles. */
  triangleFaceIds: Int32Array;
}

/**
 * The one adapter from the engine's display mesh (IQM1 binary) to three.js: a non-indexed geometry, so
 * each triangle carries its own colour and a B-rep face can be painted without bleeding into its
 * neighbours, with flat normals and a colour attribute to paint into.
 */
export function displayMeshGeometry(bytes: Uint8Array): ViewerMesh {
  const mesh = decodeDisplayMesh(bytes);
  const triangleCount = mesh.indices.length / 3;
  const positions = new Float32Array(triangleCount * 9);
  for (let corner = 0; corner < triangleCount * 3; corner++) {
    const vertex = mesh.indices[corner]!;
    positions[corner * 3] = mesh.positions[vertex * 3]!;
    positions[corner * 3 + 1] = mesh.positions[vertex * 3 + 1]!;
    positions[corner * 3 + 2] = mesh.positions[vertex * 3 + 2]!;
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute("position", new BufferAttribute(positions, 3));
  geometry.setAttribute("color", new BufferAttribute(new Float32Array(triangleCount * 9), 3));
  geometry.computeVertexNormals();
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
  return { geometry, triangleFaceIds: mesh.faceIds };
}

/** Paints every triangle: its face's colour if it has one, else the base colour. */
export function paintFaces(
  viewerMesh: ViewerMesh,
  colourOfFace: Map<number, [number, number, number]>,
  base: [number, number, number],
): void {
  const colours = viewerMesh.geometry.getAttribute("color") as BufferAttribute;
  const array = colours.array as Float32Array;
  const faceIds = viewerMesh.triangleFaceIds;
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const colour = colourOfFace.get(faceIds[triangle]!) ?? base;
    for (let corner = 0; corner < 3; corner++) array.set(colour, (triangle * 3 + corner) * 3);
  }
  colours.needsUpdate = true;
}
