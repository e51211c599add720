import { BufferAttribute, BufferGeometry } from "three";
import { decodeDisplayMesh } from "@/lib/parts/display-mesh-codec";
import { thicknessColour } from "./thickness-colours";

export interface ViewerMesh {
  geometry: BufferGeometry;
  /** Face id of each triangle, in the order of the geometry's triangles. */
  triangleFaceIds: Int32Array;
  /** Wall thickness of each triangle, mm (NaN: no wall there); absent for meshes stored before it. */
  triangleThicknessMm?: Float32Array;
}

/** What to paint: faces by id, or (for wall findings) every triangle thinner than a limit. */
export interface PaintGroup {
  faces: readonly number[];
  /** When set and the mesh has a thickness map, the triangles thinner than this instead of the faces. */
  belowThicknessMm?: number;
  colour: [number, number, number];
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
  return {
    geometry,
    triangleFaceIds: mesh.faceIds,
    ...(mesh.wallThicknessMm ? { triangleThicknessMm: mesh.wallThicknessMm } : {}),
  };
}

/**
 * Paints every triangle: the heat map colour of its thickness (or the base colour where it has none)
 * when `heatMap` is on, else the base colour; then each group in order over it. Returns how many
 * triangles the groups marked.
 */
export function paintMesh(
  viewerMesh: ViewerMesh,
  groups: readonly PaintGroup[],
  base: [number, number, number],
  heatMap: boolean,
): number {
  const colours = viewerMesh.geometry.getAttribute("color") as BufferAttribute;
  const array = colours.array as Float32Array;
  const { triangleFaceIds: faceIds, triangleThicknessMm: thickness } = viewerMesh;
  const paint = (triangle: number, colour: [number, number, number]) => {
    for (let corner = 0; corner < 3; corner++) array.set(colour, (triangle * 3 + corner) * 3);
  };
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const value = thickness?.[triangle];
    paint(triangle, heatMap && value !== undefined && !Number.isNaN(value) ? thicknessColour(value) : base);
  }
  const marked = new Uint8Array(faceIds.length);
  for (const group of groups) {
    if (group.belowThicknessMm !== undefined && thickness) {
      // A wall finding marks its region: every triangle thinner than the finding's limit.
      for (let triangle = 0; triangle < faceIds.length; triangle++)
        if (thickness[triangle]! < group.belowThicknessMm - 1e-3) {
          paint(triangle, group.colour);
          marked[triangle] = 1;
        }
      continue;
    }
    if (group.faces.length === 0) continue;
    const faces = new Set(group.faces);
    for (let triangle = 0; triangle < faceIds.length; triangle++)
      if (faces.has(faceIds[triangle]!)) {
        paint(triangle, group.colour);
        marked[triangle] = 1;
      }
  }
  colours.needsUpdate = true;
  return marked.reduce((sum, value) => sum + value, 0);
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
