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

/**
 * Paints the triangles a printer must support with the part turned by `rotation` (rows: plate x, plate y,
 * up, as in quoting-engine/printing/choose-build-orientation.ts): facing down more steeply than 45° and not
 * lying on the plate, the engine's own rule. Returns how many were painted.
 */
export function paintSupported(
  viewerMesh: ViewerMesh,
  rotation: readonly number[],
  colour: [number, number, number],
): number {
  const positions = viewerMesh.geometry.getAttribute("position").array as Float32Array;
  const colours = viewerMesh.geometry.getAttribute("color") as BufferAttribute;
  const array = colours.array as Float32Array;
  const [ux, uy, uz] = [rotation[6]!, rotation[7]!, rotation[8]!];
  const heightOf = (corner: number) =>
    positions[corner * 3]! * ux + positions[corner * 3 + 1]! * uy + positions[corner * 3 + 2]! * uz;
  const triangleCount = positions.length / 9;
  let low = Infinity,
    high = -Infinity;
  for (let corner = 0; corner < triangleCount * 3; corner++) {
    const h = heightOf(corner);
    if (h < low) low = h;
    if (h > high) high = h;
  }
  const onPlate = low + 1e-4 * Math.max(1, high - low);
  const limit = Math.SQRT1_2;
  let painted = 0;
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const p = (corner: number, axis: number) => positions[(triangle * 3 + corner) * 3 + axis]!;
    const ax = p(1, 0) - p(0, 0),
      ay = p(1, 1) - p(0, 1),
      az = p(1, 2) - p(0, 2);
    const bx = p(2, 0) - p(0, 0),
      by = p(2, 1) - p(0, 1),
      bz = p(2, 2) - p(0, 2);
    const nx = ay * bz - az * by,
      ny = az * bx - ax * bz,
      nz = ax * by - ay * bx;
    const length = Math.hypot(nx, ny, nz);
    if (!(length > 0) || (nx * ux + ny * uy + nz * uz) / length > -limit) continue;
    const corners = [0, 1, 2].map((corner) => heightOf(triangle * 3 + corner));
    if (corners.every((h) => h <= onPlate)) continue;
    for (let corner = 0; corner < 3; corner++) array.set(colour, (triangle * 3 + corner) * 3);
    painted++;
  }
  colours.needsUpdate = true;
  return painted;
}
