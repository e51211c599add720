import { measureTriangles } from "./measure-triangles";
import { weldVertices } from "./weld-vertices";

export type EdgeKind = "convex" | "concave" | "smooth";

/** Two faces that share edges, how they meet, and the length of their shared boundary. */
export interface FaceContact {
  faceA: number;
  faceB: number;
  kind: EdgeKind;
  lengthMm: number;
  /** Mean angle between the two faces' normals across the boundary, degrees (0 = tangent). */
  bendDeg: number;
}

export interface FaceAdjacency {
  contacts: FaceContact[];
  /** Contacts per face id. */
  byFace: Map<number, FaceContact[]>;
  /** Outward unit normal and area-weighted centroid per face id, from its triangles. */
  faceNormals: Map<number, [number, number, number]>;
}

/** Faces meeting at less than this bend are tangent (a fillet running into a wall), not an edge. */
const smoothBendDeg = 8;

/**
 * Which faces touch which, and whether each boundary is convex (an outside edge), concave (an inside
 * corner, e.g. a hole's wall meeting its floor) or smooth (tangent). Built from an outward-oriented
 * triangle mesh with a face id per triangle, so it serves B-rep faces and segmented mesh regions alike.
 */
export function buildFaceAdjacency(
  positions: Float32Array | Float64Array,
  indices: Uint32Array,
  faceIds: Int32Array,
): FaceAdjacency {
  const welded = weldVertices(Float64Array.from(positions), indices);
  const { positions: points, indices: corners } = welded;
  const triangleCount = corners.length / 3;
  const { normals, areas } = measureTriangles(points, corners);

  const vertexCount = points.length / 3;
  let faceCount = 0;
  for (let triangle = 0; triangle < triangleCount; triangle++)
    faceCount = Math.max(faceCount, (faceIds[triangle] ?? -1) + 1);
  // Area-weighted normal sums per face (slot face + 1: triangles without a face are -1), faces in the
  // order they first appear.
  const normalSums = new Float64Array((faceCount + 1) * 3);
  const facesInOrder: number[] = [];
  const seen = new Uint8Array(faceCount + 1);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const face = faceIds[triangle] ?? -1;
    if (!seen[face + 1]) {
      seen[face + 1] = 1;
      facesInOrder.push(face);
    }
    const slot = (face + 1) * 3;
    const area = areas[triangle]!;
    normalSums[slot] = normalSums[slot]! + normals[triangle * 3]! * area;
    normalSums[slot + 1] = normalSums[slot + 1]! + normals[triangle * 3 + 1]! * area;
    normalSums[slot + 2] = normalSums[slot + 2]! + normals[triangle * 3 + 2]! * area;
  }
  // Edges between triangles of different faces, keyed by their two vertex indices (lower × count +
  // higher: numbers, not strings, for a Map probed three times per triangle).
  const edgeOwner = new Map<number, number>();
  const contactsByPair = new Map<
    number,
    {
      faceA: number;
      faceB: number;
      convexLength: number;
      concaveLength: number;
      smoothLength: number;
      bendSum: number;
      lengthSum: number;
    }
  >();
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    for (let corner = 0; corner < 3; corner++) {
      const from = corners[triangle * 3 + corner]!;
      const to = corners[triangle * 3 + ((corner + 1) % 3)]!;
      const key = from < to ? from * vertexCount + to : to * vertexCount + from;
      const otherTriangle = edgeOwner.get(key);
      if (otherTriangle === undefined) {
        edgeOwner.set(key, triangle);
        continue;
      }
      edgeOwner.delete(key);
      const faceA = faceIds[otherTriangle] ?? -1;
      const faceB = faceIds[triangle] ?? -1;
      if (faceA === faceB || faceA < 0 || faceB < 0) continue;
      const lengthMm = Math.hypot(
        points[to * 3]! - points[from * 3]!,
        points[to * 3 + 1]! - points[from * 3 + 1]!,
        points[to * 3 + 2]! - points[from * 3 + 2]!,
      );
      const cosine =
        normals[otherTriangle * 3]! * normals[triangle * 3]! +
        normals[otherTriangle * 3 + 1]! * normals[triangle * 3 + 1]! +
        normals[otherTriangle * 3 + 2]! * normals[triangle * 3 + 2]!;
      const bendDeg = (Math.acos(Math.max(-1, Math.min(1, cosine))) * 180) / Math.PI;
      // Convex when the neighbour's far corner lies below this triangle's plane.
      const far = farCorner(corners, triangle, from, to);
      const side =
        normals[otherTriangle * 3]! * (points[far * 3]! - points[from * 3]!) +
        normals[otherTriangle * 3 + 1]! * (points[far * 3 + 1]! - points[from * 3 + 1]!) +
        normals[otherTriangle * 3 + 2]! * (points[far * 3 + 2]! - points[from * 3 + 2]!);
      const pairKey = faceA < faceB ? faceA * faceCount + faceB : faceB * faceCount + faceA;
      const entry = contactsByPair.get(pairKey) ?? {
        faceA: Math.min(faceA, faceB),
        faceB: Math.max(faceA, faceB),
        convexLength: 0,
        concaveLength: 0,
        smoothLength: 0,
        bendSum: 0,
        lengthSum: 0,
      };
      if (bendDeg < smoothBendDeg) entry.smoothLength += lengthMm;
      else if (side < 0) entry.convexLength += lengthMm;
      else entry.concaveLength += lengthMm;
      entry.bendSum += bendDeg * lengthMm;
      entry.lengthSum += lengthMm;
      contactsByPair.set(pairKey, entry);
    }
  }

  const contacts: FaceContact[] = [];
  const byFace = new Map<number, FaceContact[]>();
  for (const entry of contactsByPair.values()) {
    const longest = Math.max(entry.convexLength, entry.concaveLength, entry.smoothLength);
    const kind: EdgeKind =
      longest === entry.smoothLength ? "smooth" : longest === entry.convexLength ? "convex" : "concave";
    const contact = {
      faceA: entry.faceA,
      faceB: entry.faceB,
      kind,
      lengthMm: entry.lengthSum,
      bendDeg: entry.bendSum / (entry.lengthSum || 1),
    };
    contacts.push(contact);
    for (const face of [entry.faceA, entry.faceB]) {
      const list = byFace.get(face);
      if (list) list.push(contact);
      else byFace.set(face, [contact]);
    }
  }
  const faceNormals = new Map<number, [number, number, number]>();
  for (const face of facesInOrder) {
    const slot = (face + 1) * 3;
    const x = normalSums[slot]!,
      y = normalSums[slot + 1]!,
      z = normalSums[slot + 2]!;
    const length = Math.hypot(x, y, z) || 1;
    faceNormals.set(face, [x / length, y / length, z / length]);
  }
  return { contacts, byFace, faceNormals };
}

function farCorner(corners: Uint32Array, triangle: number, from: number, to: number): number {
  for (let corner = 0; corner < 3; corner++) {
    const vertex = corners[triangle * 3 + corner]!;
    if (vertex !== from && vertex !== to) return vertex;
  }
  return from;
}

/** The contacts of one face with its neighbours; none for a face without neighbours. */
export function contactsOf(adjacency: FaceAdjacency, face: number): FaceContact[] {
  return adjacency.byFace.get(face) ?? [];
}

/** The face on the other side of a contact from `face`. */
export function otherFace(contact: FaceContact, face: number): number {
  return contact.faceA === face ? contact.faceB : contact.faceA;
}
