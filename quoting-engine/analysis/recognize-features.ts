import type { BrepFace } from "../io/cad-model";
import type { BoundingBox, DisplayMesh } from "./analyze-model";
import type { BuildOrientations } from "../printing/choose-build-orientation";
import type { FdmLayerProfile } from "../printing/measure-fdm-layers";
import { measureTriangles, type TriangleMeasures } from "./measure-triangles";
import { measureShapeFacts } from "./measure-shape-facts";
import type { WallThicknessReport } from "./summarize-wall-thickness";
import { planSetups } from "./plan-setups";
import { planSetupsPerPart } from "./plan-setups-per-part";
import { trianglesOfEachFace } from "./triangles-of-each-face";
import { buildTriangleBvh } from "./triangle-bvh";
import {
  describeRevolutionFace,
  dot,
  sameAxisLine,
  subtract,
  type RevolutionFaceShape,
  type Vector3,
} from "./cylinder-geometry";
import { buildFaceAdjacency, type FaceAdjacency } from "./face-adjacency";
import { assessTurnability } from "./assess-turnability";
import { recognizeDepressions } from "./recognize-depressions";
import { warmShapeFactsOnce } from "./warm-shape-facts";
import {
  type ChamferFeature,
  type FaceFamily,
  type PassageFeature,
  type PocketFeature,
  type SlotFeature,
  type StepFeature,
} from "./depression-features";

export interface HoleFeature {
  diameterMm: number;
  depthMm: number;
  through: boolean;
  axis: Vector3;
  kind: "plain" | "counterbore" | "countersink";
  faces: number[];
}

/** An external thread drawn as geometry (not only a cosmetic thread in the drawing). */
export interface ThreadFeature {
  /** Twice the flanks' largest and smallest distance from the axis, millimetres. */
  majorDiameterMm: number;
  minorDiameterMm: number;
  /** The flanks, and faces at one radius beside them (crests, roots). */
  faces: number[];
}

/** Area a printer must support, in one build orientation. */
export interface Overhang {
  /** Area facing down more steeply than 45° from horizontal, off the build plate, mm². */
  areaMm2: number;
  faces: number[];
  /** Which way is up: "+Z up (as drawn)", "-X up", "tilted 35° from +Z towards +X" ("+Z" in older reports). */
  upLabel: string;
}

export interface FilletFeature {
  radiusMm: number;
  /** A rounded outside edge (true) or a rounded inside corner (false). */
  convex: boolean;
  faces: number[];
}

/**
 * Machining features found so far. Holes, fillets and turnability are recognised from B-rep faces;
 * pockets, slots, steps, chamfers, setups, undercuts, wall thickness and stock follow.
 */
export interface Features {
  holes: HoleFeature[];
  pockets: PocketFeature[];
  slots: SlotFeature[];
  steps: StepFeature[];
  passages: PassageFeature[];
  fillets: FilletFeature[];
  chamfers: ChamferFeature[];
  /** Feature family per face id (B-rep faces, or segmented regions of a mesh). */
  faceFamilies: FaceFamily[];
  /** The fewest 3-axis access directions reaching every machined face (a turned part: both ends). */
  setups: Vector3[];
  /** Files of several separate parts: the setups each part needs alone, by body index (0 for a void's
   * wall); absent for one part. */
  partSetups?: number[];
  /** Some machined face no straight tool from any setup direction reaches. */
  undercut: boolean;
  undercutFaces: number[];
  turnable: boolean;
  /** On a part that turns about one axis but for some faces (flats, cross holes): those faces. Such a
   * part also has `turningAxis` and `maxDiameterMm`. */
  liveToolingFaces: number[];
  turningAxis?: Vector3;
  maxDiameterMm?: number;
  /** A thread modelled on the turning axis (B-spline flanks wound round it); absent when there is none. */
  thread?: ThreadFeature;
  /** Thinnest wall region larger than `minWallRegionMm2`, millimetres, and its faces (B-rep face ids, or
   * segmented mesh regions). */
  minWallMm?: number;
  minWallFaces: number[];
  /** Wall thickness as a map, summarised per additive process (absent in analyses stored before it). */
  wallThickness?: WallThicknessReport;
  /** Downward area that FDM needs support under, in its chosen orientation (`buildOrientations.fdm`). */
  overhang: Overhang;
  /** How each additive process builds the part (printing/choose-build-orientation.ts); missing in reports
   * stored before orientations were chosen. */
  buildOrientations?: BuildOrientations;
  /** What an FDM slicer sees layer by layer in FDM's build orientation: input to the print-time model. */
  fdmLayers?: FdmLayerProfile;
  /** The raw material that encloses the part: a bar (diameter, length) for turnable parts, else a block. */
  stock: { kind: "block" | "bar"; sizeMm: number[] };
}

/** A hole must go all the way round: split cylinders count together, a rounded pocket corner does not. */
const fullTurn = 0.97;

/**
 * Recognises features from B-rep faces and the display mesh (face id per triangle). Face origins are in
 * world millimetres; the mesh is relative to `mesh.originMm`. Mesh formats have no faces yet: their
 * features stay empty until regions are segmented.
 */
export function recognizeFeatures(
  faces: BrepFace[],
  mesh: DisplayMesh,
  bbox: BoundingBox,
  // Normals, areas and centres once, for segmenting, the BVH, wall thickness and overhangs alike.
  triangles: TriangleMeasures = measureTriangles(mesh.positions, mesh.indices),
  // The mesh is a B-rep kernel's tessellation, a mesh per face (STEP, BREP): see `measureShapeFacts`.
  fromBrepKernel = false,
  // Per body, the body whose material it bounds (a mesh void's wall: the body around it), for wall rays.
  materialOfBody?: ArrayLike<number>,
  // The file holds several separate closed parts (not one part with open surfaces beside it).
  separateParts = false,
  // Per body, whether it is closed: the build orientations and FDM's layers take the closed ones only.
  closedOfBody?: ArrayLike<boolean>,
): Features {
  // Before the first part: the shape facts' loops get their type feedback on a small mesh first.
  warmShapeFactsOnce();
  // Its arrays are kept working arrays: the tree is dropped when the features are (one tree at a time).
  const bvh = buildTriangleBvh(mesh.positions, mesh.indices, triangles.centroids, true);
  const size = bbox.max.map((value, axis) => value - bbox.min[axis]!);
  const common = measureShapeFacts(
    mesh,
    triangles,
    bvh,
    faces.length > 0,
    fromBrepKernel,
    materialOfBody,
    closedOfBody,
  );
  if (faces.length === 0 || faces.every((face) => face.type === "other")) {
    return {
      ...noFeatures(),
      setups: [[0, 0, 1]],
      undercut: false,
      undercutFaces: [],
      turnable: false,
      liveToolingFaces: [],
      ...common,
      stock: { kind: "block", sizeMm: size },
    };
  }
  const adjacency = buildFaceAdjacency(mesh.positions, mesh.indices, mesh.faceIds);
  const trianglesByFace = trianglesOfEachFace(mesh.faceIds);
  const local = (point: Vector3): Vector3 => subtract(point, mesh.originMm);
  const revolution = new Map<number, RevolutionFaceShape>();
  for (const face of faces) {
    if ((face.type === "cylinder" || face.type === "cone") && face.originMm && face.axis) {
      revolution.set(
        face.id,
        describeRevolutionFace(face, local(face.originMm), mesh, trianglesByFace.get(face.id) ?? []),
      );
    }
  }
  const turning = assessTurnability(faces, revolution, mesh, trianglesByFace);
  // Bar for parts made on a lathe (with or without live tooling), else a block.
  const stock: Features["stock"] =
    turning.turningAxis && turning.maxDiameterMm
      ? { kind: "bar", sizeMm: [turning.maxDiameterMm, Math.abs(dot(size as Vector3, turning.turningAxis))] }
      : { kind: "block", sizeMm: size };
  const holes = findHoles(faces, revolution, adjacency);
  const fillets = findFillets(faces, revolution, adjacency);
  const depressions = recognizeDepressions(faces, mesh, adjacency, {
    holeFaces: new Set(holes.flatMap((hole) => hole.faces)),
    filletFaces: new Set(fillets.flatMap((fillet) => fillet.faces)),
    convexRevolutionFaces: new Set(
      [...revolution.values()].filter((shape) => !shape.concave).map((shape) => shape.faceId),
    ),
  });
  // Separate parts are clamped one by one: each is planned alone (decision 0110).
  const perPart =
    separateParts && materialOfBody && partCount(materialOfBody) > 1
      ? planSetupsPerPart(
          faces,
          depressions.faceFamilies,
          mesh,
          adjacency.faceNormals,
          trianglesByFace,
          triangles.centroids,
          materialOfBody,
        )
      : undefined;
  const access =
    perPart ?? planSetups(faces, depressions.faceFamilies, mesh, bvh, adjacency.faceNormals, trianglesByFace);
  // A turned part is chucked twice, once from each end; its milled features would be live tooling.
  const setups =
    turning.turnable && turning.turningAxis
      ? [turning.turningAxis, turning.turningAxis.map((value) => -value + 0) as Vector3]
      : access.setups;
  return {
    holes,
    ...depressions,
    fillets,
    setups,
    undercut: access.undercut,
    undercutFaces: access.undercutFaces,
    ...(perPart && materialOfBody
      ? { partSetups: Array.from(materialOfBody, (_, body) => perPart.setupsOfPart[body] ?? 0) }
      : {}),
    ...turning,
    ...common,
    stock,
  };
}

/** Empty feature lists, for files without faces and for analyses that skip recognition. */
export function noFeatures(): Pick<
  Features,
  "holes" | "pockets" | "slots" | "steps" | "passages" | "fillets" | "chamfers" | "faceFamilies"
> {
  return {
    holes: [],
    pockets: [],
    slots: [],
    steps: [],
    passages: [],
    fillets: [],
    chamfers: [],
    faceFamilies: [],
  };
}

function findHoles(
  faces: BrepFace[],
  revolution: Map<number, RevolutionFaceShape>,
  adjacency: FaceAdjacency,
): HoleFeature[] {
  const concaveCylinders = faces.filter(
    (face) => face.type === "cylinder" && revolution.get(face.id)?.concave,
  );
  // Group coaxial walls of the same radius (a cylinder is often split in two halves).
  const groups: BrepFace[][] = [];
  for (const face of concaveCylinders) {
    const group = groups.find(
      (candidate) =>
        Math.abs((candidate[0]!.radiusMm ?? 0) - (face.radiusMm ?? 0)) < 1e-6 &&
        sameAxisLine(candidate[0]!.originMm!, candidate[0]!.axis!, face.originMm!, face.axis!),
    );
    if (group) group.push(face);
    else groups.push([face]);
  }
  const walls = groups.filter((group) => coverage(group, revolution) >= fullTurn);
  const holes: HoleFeature[] = [];
  for (const wall of walls) {
    const reference = wall[0]!;
    const axis = reference.axis!;
    const shapes = wall.map((face) => revolution.get(face.id)!);
    const start = Math.min(...shapes.map((shape) => shape.axialMinMm));
    const end = Math.max(...shapes.map((shape) => shape.axialMaxMm));
    const wallIds = new Set(wall.map((face) => face.id));
    const closed = wall.some((face) =>
      (adjacency.byFace.get(face.id) ?? []).some((contact) => {
        const other = contact.faceA === face.id ? contact.faceB : contact.faceA;
        if (wallIds.has(other) || contact.kind !== "concave") return false;
        const neighbour = faces[other];
        // A floor across the axis, or a drill point's cone on the same axis, closes the hole.
        if (neighbour?.type === "plane" && neighbour.axis)
          return (
            Math.abs(dot(neighbour.axis, axis)) > 0.999 &&
            neighbour.areaMm2 <= Math.PI * (reference.radiusMm ?? 0) ** 2 * 1.001
          );
        if (neighbour?.type === "cone" && neighbour.originMm && neighbour.axis)
          return sameAxisLine(reference.originMm!, axis, neighbour.originMm, neighbour.axis);
        return false;
      }),
    );
    // A larger coaxial bore next to this one makes a counterbore.
    const counterbore = walls.some(
      (other) =>
        other !== wall &&
        (other[0]!.radiusMm ?? 0) > (reference.radiusMm ?? 0) &&
        sameAxisLine(reference.originMm!, axis, other[0]!.originMm!, other[0]!.axis!),
    );
    const countersink = faces.some(
      (face) =>
        face.type === "cone" &&
        face.originMm &&
        face.axis &&
        revolution.get(face.id)?.concave &&
        sameAxisLine(reference.originMm!, axis, face.originMm, face.axis) &&
        (revolution.get(face.id)?.maxRadiusMm ?? 0) > (reference.radiusMm ?? 0) * 1.05,
    );
    holes.push({
      diameterMm: 2 * (reference.radiusMm ?? 0),
      depthMm: end - start,
      through: !closed,
      axis,
      kind: counterbore ? "counterbore" : countersink ? "countersink" : "plain",
      faces: wall.map((face) => face.id),
    });
  }
  // The larger bore of a counterbore is part of its hole, not a hole of its own.
  return holes.filter(
    (hole) =>
      !holes.some(
        (other) =>
          other !== hole &&
          other.kind === "counterbore" &&
          other.diameterMm < hole.diameterMm &&
          Math.abs(Math.abs(dot(other.axis, hole.axis)) - 1) < 1e-6 &&
          sameAxisLine(
            faces[other.faces[0]!]!.originMm!,
            other.axis,
            faces[hole.faces[0]!]!.originMm!,
            hole.axis,
          ),
      ),
  );
}

function coverage(group: BrepFace[], revolution: Map<number, RevolutionFaceShape>): number {
  return Math.min(
    1,
    group.reduce((sum, face) => sum + (revolution.get(face.id)?.angularCoverage ?? 0), 0),
  );
}

function findFillets(
  faces: BrepFace[],
  revolution: Map<number, RevolutionFaceShape>,
  adjacency: FaceAdjacency,
): FilletFeature[] {
  const fillets: FilletFeature[] = [];
  for (const face of faces) {
    const shape = revolution.get(face.id);
    const isBlend =
      face.type === "torus" ||
      (face.type === "cylinder" && shape !== undefined && shape.angularCoverage < 0.5);
    if (!isBlend) continue;
    // A fillet runs tangentially into the faces on both of its sides.
    const smoothNeighbours = (adjacency.byFace.get(face.id) ?? []).filter(
      (contact) => contact.kind === "smooth",
    ).length;
    if (smoothNeighbours < 2) continue;
    const radiusMm = face.type === "torus" ? (face.minorRadiusMm ?? 0) : (face.radiusMm ?? 0);
    fillets.push({ radiusMm, convex: shape ? !shape.concave : true, faces: [face.id] });
  }
  return fillets;
}

/** How many parts the bodies form (a void's wall belongs to the part around it). */
function partCount(partOfBody: ArrayLike<number>): number {
  return new Set(Array.from(partOfBody)).size;
}
