import type { BrepFace } from "../../io/cad-model";
import type { DisplayMesh } from "../analyze-model";

export type Vec3 = [number, number, number];

/** One B-rep face as the unfolding needs it, in the display mesh's frame (millimetres from `originMm`). */
export interface SheetFace {
  id: number;
  type: BrepFace["type"];
  areaMm2: number;
  /** Display-mesh triangles of the face. */
  triangles: number[];
  /** Planes: outward unit normal and offset (normal · point). */
  normal?: Vec3;
  offsetMm?: number;
  /** Cylinders: unit axis, a point on it, radius. */
  axis?: Vec3;
  originMm?: Vec3;
  radiusMm?: number;
  /** Welded vertex ids of the face's corners. */
  vertices: Set<number>;
}

export interface SheetFaces {
  faces: Map<number, SheetFace>;
  /** Welded vertex id per display-mesh corner (three per triangle). */
  cornerVertex: Int32Array;
  /** Welded vertex positions, x y z. */
  vertexPositions: Float64Array;
  /** Faces meeting along a mesh edge, both ways. */
  neighbours: Map<number, Set<number>>;
  /** Undirected welded edge key → faces of the triangles using it. */
  edgeFaces: Map<number, number[]>;
  vertexCount: number;
}

export const edgeKey = (a: number, b: number, vertexCount: number) =>
  a < b ? a * vertexCount + b : b * vertexCount + a;

/**
 * Groups the display mesh by B-rep face, welds the faces' shared edge points (each face is tessellated on
 * its own, with equal points along shared edges) and measures each plane's normal and offset from its
 * triangles, which face outwards.
 */
export function collectSheetFaces(brepFaces: BrepFace[], mesh: DisplayMesh): SheetFaces {
  const { positions, indices, faceIds, originMm } = mesh;
  const weld = new Map<string, number>();
  const vertexOf = new Int32Array(positions.length / 3).fill(-1);
  const welded: number[] = [];
  for (let vertex = 0; vertex < vertexOf.length; vertex++) {
    const x = positions[vertex * 3]!;
    const y = positions[vertex * 3 + 1]!;
    const z = positions[vertex * 3 + 2]!;
    const key = `${Math.round(x * 1e4)},${Math.round(y * 1e4)},${Math.round(z * 1e4)}`;
    let id = weld.get(key);
    if (id === undefined) {
      id = welded.length / 3;
      weld.set(key, id);
      welded.push(x, y, z);
    }
    vertexOf[vertex] = id;
  }
  const vertexPositions = Float64Array.from(welded);
  const vertexCount = welded.length / 3;
  const cornerVertex = new Int32Array(indices.length);
  for (let corner = 0; corner < indices.length; corner++) cornerVertex[corner] = vertexOf[indices[corner]!]!;

  const faces = new Map<number, SheetFace>();
  for (const face of brepFaces) {
    faces.set(face.id, {
      id: face.id,
      type: face.type,
      areaMm2: face.areaMm2,
      triangles: [],
      vertices: new Set(),
      ...(face.type === "cylinder" && face.axis && face.originMm && face.radiusMm !== undefined
        ? {
            axis: face.axis,
            radiusMm: face.radiusMm,
            originMm: [
              face.originMm[0] - originMm[0],
              face.originMm[1] - originMm[1],
              face.originMm[2] - originMm[2],
            ] as Vec3,
          }
        : {}),
    });
  }
  const edgeFaces = new Map<number, number[]>();
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const face = faces.get(faceIds[triangle]!);
    if (!face) continue;
    face.triangles.push(triangle);
    for (let corner = 0; corner < 3; corner++) {
      const a = cornerVertex[triangle * 3 + corner]!;
      const b = cornerVertex[triangle * 3 + ((corner + 1) % 3)]!;
      face.vertices.add(a);
      const key = edgeKey(a, b, vertexCount);
      const list = edgeFaces.get(key);
      if (!list) edgeFaces.set(key, [face.id]);
      else if (!list.includes(face.id)) list.push(face.id);
    }
  }
  const neighbours = new Map<number, Set<number>>();
  for (const list of edgeFaces.values()) {
    for (const a of list)
      for (const b of list) {
        if (a === b) continue;
        let set = neighbours.get(a);
        if (!set) neighbours.set(a, (set = new Set()));
        set.add(b);
      }
  }
  for (const face of faces.values())
    if (face.type === "plane") measurePlane(face, cornerVertex, vertexPositions);
  return { faces, cornerVertex, vertexPositions, neighbours, edgeFaces, vertexCount };
}

function measurePlane(face: SheetFace, cornerVertex: Int32Array, positions: Float64Array): void {
  const normal: Vec3 = [0, 0, 0];
  const centroid: Vec3 = [0, 0, 0];
  let area = 0;
  for (const triangle of face.triangles) {
    const [a, b, c] = [0, 1, 2].map((corner) => pointOf(positions, cornerVertex[triangle * 3 + corner]!));
    const cross = crossProduct(subtract(b!, a!), subtract(c!, a!));
    const twice = Math.hypot(...cross);
    for (let axis = 0; axis < 3; axis++) {
      normal[axis]! += cross[axis]!;
      centroid[axis]! += ((a![axis]! + b![axis]! + c![axis]!) / 3) * twice;
    }
    area += twice;
  }
  const length = Math.hypot(...normal);
  if (length === 0 || area === 0) return;
  face.normal = normal.map((value) => value / length) as Vec3;
  face.offsetMm = dotProduct(
    face.normal,
    centroid.map((value) => value / area),
  );
}

export function pointOf(positions: Float64Array, vertex: number): Vec3 {
  return [positions[vertex * 3]!, positions[vertex * 3 + 1]!, positions[vertex * 3 + 2]!];
}

export const subtract = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const addScaled = (a: Vec3, b: Vec3, scale: number): Vec3 => [
  a[0] + b[0] * scale,
  a[1] + b[1] * scale,
  a[2] + b[2] * scale,
];
export const dotProduct = (a: readonly number[], b: readonly number[]) =>
  a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
export const crossProduct = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const normalize = (a: Vec3): Vec3 => {
  const length = Math.hypot(...a);
  return [a[0] / length, a[1] / length, a[2] / length];
};

/**
 * Planes only, in one pass over the triangles and without welding: enough to find the thickness and
 * turn away thick parts before the full face geometry is built.
 */
export function measurePlanesQuickly(brepFaces: BrepFace[], mesh: DisplayMesh): SheetFace[] {
  const planes = new Map<number, SheetFace & { sums: number[] }>();
  for (const face of brepFaces)
    if (face.type === "plane")
      planes.set(face.id, {
        id: face.id,
        type: "plane",
        areaMm2: face.areaMm2,
        triangles: [],
        vertices: new Set(),
        sums: [0, 0, 0, 0, 0, 0, 0],
      });
  const { positions, indices, faceIds } = mesh;
  for (let triangle = 0; triangle < faceIds.length; triangle++) {
    const plane = planes.get(faceIds[triangle]!);
    if (!plane) continue;
    const [a, b, c] = [0, 1, 2].map((corner) => indices[triangle * 3 + corner]! * 3);
    const ab: Vec3 = [
      positions[b!]! - positions[a!]!,
      positions[b! + 1]! - positions[a! + 1]!,
      positions[b! + 2]! - positions[a! + 2]!,
    ];
    const ac: Vec3 = [
      positions[c!]! - positions[a!]!,
      positions[c! + 1]! - positions[a! + 1]!,
      positions[c! + 2]! - positions[a! + 2]!,
    ];
    const cross = crossProduct(ab, ac);
    const twice = Math.hypot(...cross);
    for (let axis = 0; axis < 3; axis++) {
      plane.sums[axis]! += cross[axis]!;
      plane.sums[axis + 3]! +=
        ((positions[a! + axis]! + positions[b! + axis]! + positions[c! + axis]!) / 3) * twice;
    }
    plane.sums[6]! += twice;
  }
  const measured: SheetFace[] = [];
  for (const { sums, ...plane } of planes.values()) {
    const length = Math.hypot(sums[0]!, sums[1]!, sums[2]!);
    if (length === 0 || sums[6] === 0) continue;
    const normal = [sums[0]! / length, sums[1]! / length, sums[2]! / length] as Vec3;
    measured.push({
      ...plane,
      normal,
      offsetMm: dotProduct(normal, [sums[3]! / sums[6]!, sums[4]! / sums[6]!, sums[5]! / sums[6]!]),
    });
  }
  return measured;
}
