import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { classifyDepression, asChamfer } from "./classify-depression";
import type { Vector3 } from "./cylinder-geometry";
import type { Depressions, FaceFamily } from "./depression-features";
import { contactsOf, otherFace, type FaceAdjacency, type FaceContact } from "./face-adjacency";
import { extentAlong, faceGeometry, findStockFaces } from "./face-geometry";

interface Known {
  holeFaces: Set<number>;
  filletFaces: Set<number>;
  /** Faces of revolution whose material is inside (shafts, rounded edges): never part of a depression. */
  convexRevolutionFaces: Set<number>;
}

/**
 * Pockets, slots, steps, passages and chamfers from the faces that the stock's outer planes do not hold.
 * Faces meeting at concave edges (or running smoothly into an inside corner's blend) form one feature;
 * its shape is read from how its faces sit: a floor square to all walls, walls closing around it
 * (pocket) or a pair of walls facing each other (slot), walls without floor closing a ring (passage).
 * A lone bevel between two outer faces is a chamfer.
 */
export function recognizeDepressions(
  faces: BrepFace[],
  mesh: DisplayMesh,
  adjacency: FaceAdjacency,
  known: Known,
): Depressions {
  const geometry = faceGeometry(mesh);
  const normalOf = (face: number): Vector3 => adjacency.faceNormals.get(face) ?? [0, 0, 1];
  const allFaces = [...geometry.keys()];
  const partExtents = new Map<string, [number, number]>();
  const partExtent = (direction: Vector3) => {
    const key = direction.join(",");
    let extent = partExtents.get(key);
    if (!extent) partExtents.set(key, (extent = extentAlong(allFaces, geometry, direction)));
    return extent;
  };
  const stock = findStockFaces(faces, geometry, normalOf, (direction) => partExtent(direction));
  const families: FaceFamily[] = faces.map((face) =>
    stock.has(face.id)
      ? "stock"
      : known.holeFaces.has(face.id)
        ? "hole"
        : known.filletFaces.has(face.id)
          ? "fillet"
          : "other",
  );

  // Flat bottoms and annular floors of holes belong to the hole.
  for (const face of faces) {
    if (families[face.id] !== "other" || face.type !== "plane") continue;
    const concave = contactsOf(adjacency, face.id).filter((contact) => contact.kind === "concave");
    if (concave.length > 0 && concave.every((contact) => known.holeFaces.has(otherFace(contact, face.id))))
      families[face.id] = "hole";
  }

  const candidates = new Set(
    faces
      .filter(
        (face) =>
          (families[face.id] === "other" || families[face.id] === "fillet") &&
          !known.convexRevolutionFaces.has(face.id),
      )
      .map((face) => face.id),
  );
  const result: Depressions = {
    pockets: [],
    slots: [],
    steps: [],
    passages: [],
    chamfers: [],
    faceFamilies: families,
  };
  const seen = new Set<number>();
  const components: number[][] = [];
  const loose: number[] = [];
  for (const start of candidates) {
    if (seen.has(start)) continue;
    const component: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const face = stack.pop()!;
      component.push(face);
      for (const contact of contactsOf(adjacency, face)) {
        const neighbour = otherFace(contact, face);
        if (seen.has(neighbour) || !linked(faces, candidates, contact, face)) continue;
        seen.add(neighbour);
        stack.push(neighbour);
      }
    }
    component.sort((a, b) => a - b);
    if (component.length > 1) {
      if (!component.every((face) => families[face] === "fillet")) components.push(component);
      continue;
    }
    const chamfer = asChamfer(component[0]!, faces, adjacency, families);
    if (chamfer) {
      result.chamfers.push(chamfer);
      families[component[0]!] = "chamfer";
    } else loose.push(component[0]!);
  }
  // A wall meeting a feature only at outside edges (a T-slot's neck above its head) belongs to it
  // when it touches exactly one feature.
  const componentOf = new Map<number, number>();
  components.forEach((component, index) => component.forEach((face) => componentOf.set(face, index)));
  const attached = components.map((): number[] => []);
  for (const face of loose) {
    if (faces[face]?.type !== "plane") continue;
    const touched = new Set(
      contactsOf(adjacency, face)
        .map((contact) => componentOf.get(otherFace(contact, face)))
        .filter((index) => index !== undefined),
    );
    if (touched.size === 1) attached[[...touched][0]!]!.push(face);
  }
  components.forEach((component, index) =>
    classifyDepression(component, attached[index]!, faces, adjacency, geometry, normalOf, partExtent, result),
  );
  return result;
}

/**
 * Whether `contact` joins `face` to a candidate neighbour in one feature: a concave edge, or an inside
 * corner's blend, which runs smoothly into the walls it joins. A module function: a closure made per
 * part, called from the compiled search, lost its code with the part (decision 0101).
 */
function linked(faces: BrepFace[], candidates: Set<number>, contact: FaceContact, face: number): boolean {
  const neighbour = otherFace(contact, face);
  if (!candidates.has(neighbour)) return false;
  if (contact.kind === "concave") return true;
  return contact.kind === "smooth" && (faces[face]?.type !== "plane" || faces[neighbour]?.type !== "plane");
}
