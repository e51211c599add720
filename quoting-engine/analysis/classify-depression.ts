import type { BrepFace } from "../io/cad-model";
import { dot, normalize, type Vector3 } from "./cylinder-geometry";
import type { ChamferFeature, Depressions, FaceFamily } from "./depression-features";
import { contactsOf, otherFace, type FaceAdjacency } from "./face-adjacency";
import { extentAlong, type FaceGeometry } from "./face-geometry";

/** Two normals this close to square count as perpendicular (about 5.7°). */
const squareCosine = 0.1;

/** A lone planar face bevelled against its neighbours (less than 80° between their normals). */
export function asChamfer(
  face: number,
  faces: BrepFace[],
  adjacency: FaceAdjacency,
  families: FaceFamily[],
): ChamferFeature | undefined {
  if (faces[face]?.type !== "plane") return undefined;
  const contacts = contactsOf(adjacency, face);
  if (contacts.some((contact) => contact.kind !== "convex")) return undefined;
  const bevelled = contacts.filter(
    (contact) => contact.bendDeg < 80 && families[otherFace(contact, face)] !== "fillet",
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

/**
 * Names one group of linked depression faces (with the loose walls attached to it) a pocket, slot, step or
 * passage, from how its faces sit, adds it to `result` and marks its faces' family there.
 */
export function classifyDepression(
  core: number[],
  attached: number[],
  faces: BrepFace[],
  adjacency: FaceAdjacency,
  geometry: FaceGeometry,
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
          (contact) => inComponent.has(otherFace(contact, face)) && contact.kind !== "convex",
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
          inComponent.has(otherFace(contact, face)) &&
          faces[face]?.type === "plane" &&
          faces[otherFace(contact, face)]?.type === "plane",
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
