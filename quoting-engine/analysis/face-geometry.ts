import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import type { Vector3 } from "./cylinder-geometry";

/** Vertex coordinates (x, y, z, x, y, z, …) of each face's triangles, by face id. */
export type FaceGeometry = Map<number, number[]>;

/** Vertex coordinates (x, y, z, x, y, z, …) of each face's triangles, in the mesh frame. */
export function faceGeometry(mesh: DisplayMesh): FaceGeometry {
  const geometry: FaceGeometry = new Map();
  const { positions, indices, faceIds } = mesh;
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const face = faceIds[triangle]!;
    if (face < 0) continue;
    let list = geometry.get(face);
    if (!list) geometry.set(face, (list = []));
    for (let corner = 0; corner < 3; corner++) {
      const vertex = indices[triangle * 3 + corner]! * 3;
      list.push(positions[vertex]!, positions[vertex + 1]!, positions[vertex + 2]!);
    }
  }
  return geometry;
}

export function extentAlong(faceIds: number[], geometry: FaceGeometry, direction: Vector3): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const face of faceIds) {
    const points = geometry.get(face) ?? [];
    for (let index = 0; index < points.length; index += 3) {
      const value =
        points[index]! * direction[0] + points[index + 1]! * direction[1] + points[index + 2]! * direction[2];
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  return [low, high];
}

/** Planar faces lying in one of the six outer planes of the bounding box, facing out. */
export function findStockFaces(
  faces: BrepFace[],
  geometry: FaceGeometry,
  normalOf: (face: number) => Vector3,
  partExtent: (direction: Vector3) => [number, number],
): Set<number> {
  const stock = new Set<number>();
  for (const face of faces) {
    if (face.type !== "plane") continue;
    const normal = normalOf(face.id);
    const axis = normal.findIndex((value) => Math.abs(value) > 0.9999);
    if (axis < 0) continue;
    const direction: Vector3 = [0, 0, 0];
    direction[axis] = Math.sign(normal[axis]!);
    const [partLow, partHigh] = partExtent(direction);
    const [low, high] = extentAlong([face.id], geometry, direction);
    const tolerance = 1e-6 + (partHigh - partLow) * 1e-5;
    if (partHigh - low <= tolerance && partHigh - high <= tolerance) stock.add(face.id);
  }
  return stock;
}
