import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, normalize, type Vector3 } from "./cylinder-geometry";
import type { FaceAdjacency, FaceContact } from "./face-adjacency";

/** What a face belongs to: the MFCAD families, plus holes, fillets and what fits none. */
export type FaceFamily =
  "stock" | "hole" | "pocket" | "slot" | "step" | "passage" | "chamfer" | "fillet" | "other";

export interface PocketFeature {
  depthMm: number;
  lengthMm: number;
  widthMm: number;
  /** Smallest radius where two walls meet; 0 for a sharp inside corner. */
  minCornerRadiusMm: number;
  /** Open to a side of the part (walls do not close around the floor). */
  open: boolean;
  /** Direction the tool comes from (the floor's outward normal). */
  axis: Vector3;
  faces: number[];
}

/** A slot or a step: its width across, its length along, its depth along `axis`. */
export interface PrismaticFeature {
  widthMm: number;
  lengthMm: number;
  depthMm: number;
  /** Runs from one side of the part to the other along its length. */
  through: boolean;
  axis: Vector3;
  faces: number[];
}

export type SlotFeature = PrismaticFeature;
export type StepFeature = PrismaticFeature;

/** A non-round opening right through the part (round ones are holes). */
export interface PassageFeature {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  axis: Vector3;
  faces: number[];
}

export interface ChamferFeature {
  /** The shorter leg of the bevel, measured along a neighbouring face. */
  sizeMm: number;
  /** Angle between the bevel and that neighbour. */
  angleDeg: number;
  faces: number[];
}

export interface Depressions {
  pockets: PocketFeature[];
  slots: SlotFeature[];
  steps: StepFeature[];
  passages: PassageFeature[];
  chamfers: ChamferFeature[];
  /** Family per face id. */
  faceFamilies: FaceFamily[];
}

interface Known {
  holeFaces: Set<number>;
  filletFaces: Set<number>;
  /** Faces of revolution whose material is inside (shafts, rounded edges): never part of a depression. */
  convexRevolutionFaces: Set<number>;
}

/** Two normals this close to square count as perpendicular (about 5.7°). */
const squareCosine = 0.1;

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
    if (concave.length > 0 && concave.every((contact) => known.holeFaces.has(other(contact, face.id))))
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
  const linked = (contact: FaceContact, face: number) => {
    const neighbour = other(contact, face);
    if (!candidates.has(neighbour)) return false;
    if (contact.kind === "concave") return true;
    // An inside corner's blend runs smoothly into the walls it joins.
    return contact.kind === "smooth" && (faces[face]?.type !== "plane" || faces[neighbour]?.type !== "plane");
  };

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
        const neighbour = other(contact, face);
        if (seen.has(neighbour) || !linked(contact, face)) continue;
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
        .map((contact) => componentOf.get(other(contact, face)))
        .filter((index) => index !== undefined),
    );
    if (touched.size === 1) attached[[...touched][0]!]!.push(face);
  }
  components.forEach((component, index) =>
    classifyComponent(component, attached[index]!, faces, adjacency, geometry, normalOf, partExtent, result),
  );
  return result;
}

type Geometry = Map<number, number[]>;

/** Vertex coordinates (x, y, z, x, y, z, …) of each face's triangles, in the mesh frame. */
function faceGeometry(mesh: DisplayMesh): Geometry {
  const geometry: Geometry = new Map();
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

function extentAlong(faceIds: number[], geometry: Geometry, direction: Vector3): [number, number] {
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
function findStockFaces(
  faces: BrepFace[],
  geometry: Geometry,
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

function contactsOf(adjacency: FaceAdjacency, face: number): FaceContact[] {
  return adjacency.byFace.get(face) ?? [];
}

function other(contact: FaceContact, face: number): number {
  return contact.faceA === face ? contact.faceB : contact.faceA;
}

/** A lone planar face bevelled against its neighbours (less than 80° between their normals). */
function asChamfer(
  face: number,
  faces: BrepFace[],
  adjacency: FaceAdjacency,
  families: FaceFamily[],
): ChamferFeature | undefined {
  if (faces[face]?.type !== "plane") return undefined;
  const contacts = contactsOf(adjacency, face);
  if (contacts.some((contact) => contact.kind !== "convex")) return undefined;
  const bevelled = contacts.filter(
    (contact) => contact.bendDeg < 80 && families[other(contact, face)] !== "fillet",
  );
  if (bevelled.length === 0) return undefined;
  // Width across the bevel: area over the length of its longest edge.
  const longest = contacts.reduce((best, contact) => (contact.lengthMm > best.lengthMm ? contact : best));
  const widthMm = (faces[face]?.areaMm2 ?? 0) / (longest.lengthMm || 1);
  const legs = bevelled.map((contact) => ({
    sizeMm: widthMm * Math.cos((contact.bendDeg * Math.PI) / 180),
    angleDeg: contact.bendDeg,
  }));
  const smallest = legs.reduce((best, leg) => (leg.sizeMm < best.sizeMm ? leg : best));
  return { sizeMm: round(smallest.sizeMm), angleDeg: round(smallest.angleDeg), faces: [face] };
}

function classifyComponent(
  core: number[],
  attached: number[],
  faces: BrepFace[],
  adjacency: FaceAdjacency,
  geometry: Geometry,
  normalOf: (face: number) => Vector3,
  partExtent: (direction: Vector3) => [number, number],
  result: Depressions,
): void {
  const component = [...core, ...attached].sort((a, b) => a - b);
  const planes = core.filter((face) => faces[face]?.type === "plane");
  const curved = core.filter((face) => faces[face]?.type !== "plane");
  const area = (face: number) => faces[face]?.areaMm2 ?? 0;
  // An inside corner's blend belongs to the feature it rounds (it is listed among the fillets too).
  const setFamily = (family: FaceFamily) => {
    for (const face of component) result.faceFamilies[face] = family;
  };

  // A floor: a plane square to every other plane, with any curved wall running along its normal.
  const floors = planes.filter((floor) => {
    const normal = normalOf(floor);
    return (
      planes.every((face) => face === floor || Math.abs(dot(normalOf(face), normal)) < squareCosine) &&
      curved.every((face) => {
        const axis = faces[face]?.axis;
        return axis !== undefined && Math.abs(dot(axis, normal)) > 1 - squareCosine;
      })
    );
  });
  const floor = floors.reduce<number | undefined>(
    (best, face) => (best === undefined || area(face) > area(best) ? face : best),
    undefined,
  );
  const walls = core.filter((face) => face !== floor);
  const inComponent = new Set(walls);
  const ring =
    walls.length >= 3 &&
    walls.every(
      (face) =>
        contactsOf(adjacency, face).filter(
          (contact) => inComponent.has(other(contact, face)) && contact.kind !== "convex",
        ).length >= 2,
    );
  const sumOfNormals = normalize(
    core.reduce<Vector3>(
      (sum, face) => {
        const normal = normalOf(face);
        return [
          sum[0] + normal[0] * area(face),
          sum[1] + normal[1] * area(face),
          sum[2] + normal[2] * area(face),
        ];
      },
      [0, 0, 0],
    ),
  );
  const axis: Vector3 = floor !== undefined ? normalOf(floor) : sumOfNormals;
  // Walls facing each other across the feature, steep to the tool's axis (a V-slot's flanks too).
  const sideWalls = [...planes, ...attached].filter(
    (face) => face !== floor && Math.abs(dot(normalOf(face), axis)) < 0.5,
  );
  const facingPairs: [number, number][] = [];
  for (let first = 0; first < sideWalls.length; first++)
    for (let second = first + 1; second < sideWalls.length; second++)
      if (dot(normalOf(sideWalls[first]!), normalOf(sideWalls[second]!)) < -0.5)
        facingPairs.push([sideWalls[first]!, sideWalls[second]!]);
  const depthOf = (direction: Vector3) => {
    const [low, high] = extentAlong(component, geometry, direction);
    return round(high - low);
  };
  const isThrough = (direction: Vector3) => {
    const [low, high] = extentAlong(component, geometry, direction);
    const [partLow, partHigh] = partExtent(direction);
    const tolerance = 1e-3 + (partHigh - partLow) * 1e-4;
    return low - partLow <= tolerance && partHigh - high <= tolerance;
  };
  const largestWall = planes
    .filter((face) => face !== floor)
    .reduce<number | undefined>(
      (best, face) => (best === undefined || area(face) > area(best) ? face : best),
      undefined,
    );
  const alongWall = (wall: number | undefined): Vector3 => {
    if (wall === undefined) return perpendicularTo(axis);
    const direction = cross(axis, normalOf(wall));
    return Math.hypot(...direction) > 1e-6 ? normalize(direction) : perpendicularTo(axis);
  };

  if (floor === undefined && ring) {
    const through = prismaticDirection(core, normalOf);
    if (through) {
      const across = normalOf(largestWall ?? component[0]!);
      const side = normalize(cross(through, across));
      result.passages.push({
        lengthMm: depthOf(through),
        widthMm: depthOf(across),
        heightMm: depthOf(side),
        axis: through,
        faces: component,
      });
      setFamily("passage");
      return;
    }
  }
  if (floor !== undefined && ring) {
    const length = alongWall(largestWall);
    const width = normalize(cross(axis, length));
    const [lengthMm, widthMm] = [depthOf(length), depthOf(width)].sort((a, b) => b - a) as [number, number];
    const sharpCorner = walls.some((face) =>
      contactsOf(adjacency, face).some(
        (contact) =>
          contact.kind === "concave" &&
          inComponent.has(other(contact, face)) &&
          faces[face]?.type === "plane" &&
          faces[other(contact, face)]?.type === "plane",
      ),
    );
    const cornerRadii = curved
      .map((face) => faces[face]!)
      .filter((face) => face.type === "cylinder" && face.axis && Math.abs(dot(face.axis, axis)) > 0.99)
      .map((face) => face.radiusMm ?? 0);
    result.pockets.push({
      depthMm: depthOf(axis),
      lengthMm,
      widthMm,
      minCornerRadiusMm: sharpCorner || cornerRadii.length === 0 ? 0 : round(Math.min(...cornerRadii)),
      open: false,
      axis,
      faces: component,
    });
    setFamily("pocket");
    return;
  }
  if (facingPairs.length > 0) {
    // The narrowest pair of facing walls sets the width (a T-slot's neck, not its head).
    const widths = facingPairs.map(([first, second]) => {
      const normal = normalOf(first);
      const [, firstHigh] = extentAlong([first], geometry, normal);
      const [, secondHigh] = extentAlong([second], geometry, normal);
      return { first, width: Math.abs(firstHigh - secondHigh) };
    });
    const narrowest = widths.reduce((best, entry) => (entry.width < best.width ? entry : best));
    const length =
      floor === undefined
        ? (prismaticDirection(core, normalOf) ?? alongWall(narrowest.first))
        : alongWall(narrowest.first);
    result.slots.push({
      widthMm: round(narrowest.width),
      lengthMm: depthOf(length),
      depthMm: depthOf(axis),
      through: isThrough(length),
      axis,
      faces: component,
    });
    setFamily("slot");
    return;
  }
  const length = alongWall(largestWall);
  result.steps.push({
    widthMm: depthOf(normalize(cross(axis, length))),
    lengthMm: depthOf(length),
    depthMm: depthOf(axis),
    through: isThrough(length),
    axis,
    faces: component,
  });
  setFamily("step");
}

/** The direction every face of the group runs along (square to all their normals), if there is one. */
function prismaticDirection(component: number[], normalOf: (face: number) => Vector3): Vector3 | undefined {
  const normals = component.map(normalOf);
  let best: Vector3 | undefined;
  let bestLength = 0;
  for (let first = 0; first < normals.length; first++)
    for (let second = first + 1; second < normals.length; second++) {
      const direction = cross(normals[first]!, normals[second]!);
      const length = Math.hypot(...direction);
      if (length > bestLength) {
        bestLength = length;
        best = direction;
      }
    }
  if (!best || bestLength < 0.1) return undefined;
  const direction = normalize(best);
  return normals.every((normal) => Math.abs(dot(normal, direction)) < squareCosine) ? direction : undefined;
}

function perpendicularTo(axis: Vector3): Vector3 {
  const reference: Vector3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  return normalize(cross(axis, reference));
}

function cross(a: Vector3, b: Vector3): Vector3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
