import type { BrepFace, CadModel, EngineNotice, EngineResult } from "../io/cad-model";
import { engineFailure } from "../io/cad-model";
import { openPiecesWithinSolids } from "./open-pieces-within-solids";
import { splitAndOrientBodies, type OrientedBody } from "./split-and-orient-bodies";
import { buildMeshEdgeTable } from "./mesh-edge-table";
import { joinTJunctionSeams } from "./join-t-junction-seams";
import { findEnclosedBodies } from "./find-enclosed-bodies";
import { weldVertices } from "./weld-vertices";
import { withNegligibleCoordinatesAsZero } from "./negligible-coordinates-as-zero";
import { dropBadTriangles } from "./drop-bad-triangles";
import { describeMeshRepairs, noRepairs, type MeshRepairs } from "./describe-mesh-repairs";
import { describeShells, type ShellSummary } from "./describe-shells";
import { collectDefects, defectNotices } from "./mesh-defect-notices";
import { buildDisplayMesh } from "./build-display-mesh";
import { handOnEdgeMates, turnMatesAround } from "./closed-mesh-mates";

export type Vector3 = [number, number, number];

export interface BoundingBox {
  min: Vector3;
  max: Vector3;
}

export interface BodyReport {
  /** Enclosed volume in mm³; 0 for an open body, which is reported but never counted. */
  volumeMm3: number;
  areaMm2: number;
  bbox: BoundingBox;
  closed: boolean;
  triangleCount: number;
  /** The body's share of the file's triangles, 0..1 (triangles added to close its holes are not the file's). */
  triangleShare: number;
  /** Empty spaces sealed inside the body (already taken off its volume). */
  internalVoids: number;
  /** This shell is the wall of a void inside body `voidOf`, not a body of its own. */
  voidOf?: number;
}

export interface FaceReport {
  id: number;
  type: BrepFace["type"];
  /** Cylinder and sphere radius, cone reference radius, torus major radius. */
  radiusMm?: number;
  /** Plane normal; cylinder, cone and torus axis direction (unit vector). */
  axis?: Vector3;
  /** Half the apex angle of a cone. */
  halfAngleDeg?: number;
  /** Torus minor radius. */
  minorRadiusMm?: number;
  areaMm2: number;
}

/** Compact mesh for the 3D viewer: coordinates relative to `originMm`, so float32 keeps them exact enough. */
export interface DisplayMesh {
  originMm: Vector3;
  positions: Float32Array;
  indices: Uint32Array;
  /** B-rep face id per triangle, -1 where the file has no faces or the triangle closes a hole. */
  faceIds: Int32Array;
  /** Index into `bodies` per triangle. */
  bodyIds: Uint32Array;
  /** Local wall thickness per triangle, mm (NaN where not measured: no wall, or not analysed). */
  wallThicknessMm?: Float32Array;
  /**
   * True when no two vertices have the same coordinates (one welded mesh, every coordinate exact in
   * float32 after taking off the origin), so welding the display mesh again would change nothing.
   */
  distinctVertices?: boolean;
}

export interface ModelAnalysis {
  bodies: BodyReport[];
  volumeMm3: number;
  areaMm2: number;
  bbox: BoundingBox;
  faces: FaceReport[];
  notices: EngineNotice[];
  /** What was repaired so the mesh could be measured. */
  repairs: MeshRepairs;
  /** The closed shells as parts (several, identical copies) and voids. */
  shells: ShellSummary;
  displayMesh: DisplayMesh;
}

/**
 * A closed shell whose volume is at most its area times this (on average under 1 µm thick, far below
 * any process's resolution) is flat: a sliver left by an exporter, not a body.
 */
const flatShellThicknessMm = 0.001;

export interface AnalyzeModelOptions {
  /** Close holes whose patch is at most this share of a body's area (default 0.2). */
  maxHoleAreaShare?: number;
  /**
   * Keep the display mesh's edge mates for `displayMeshEdgeMates` (the features stage reads them) when
   * the split finds them on the way: a single mesh whose every edge joins two triangles.
   */
  edgeMates?: boolean;
}

/**
 * Measures a read model: bodies (connected, consistently oriented, small holes closed), their volume,
 * area and bounding box, and what is wrong with the mesh as buyer-readable notices. Only closed bodies
 * count towards the totals. Fails with `no_solid` when nothing closed remains.
 */
export function analyzeModel(
  model: CadModel,
  options: AnalyzeModelOptions = {},
): EngineResult<ModelAnalysis> {
  const notices: EngineNotice[] = [...model.notices];
  const bodies: BodyReport[] = [];
  const displayParts: {
    positions: Float64Array;
    /** Welded here: no two of its vertices have the same coordinates. */
    welded: boolean;
    indices: Uint32Array;
    /** Absent when the file has no faces (every triangle -1). */
    faceIds?: Int32Array;
    bodyIndex: number;
  }[] = [];
  let totalTriangles = 0;
  for (const part of model.parts) totalTriangles += part.indices.length / 3;

  const defects = {
    boundary: 0,
    nonManifold: 0,
    openBodies: 0,
    conflicts: 0,
  };
  const repairs = noRepairs();
  // Per body: the triangles turned because the whole body faced inwards (undone if it is a void).
  const turnedByBody: number[] = [];
  // The display mesh's mates: those of the one mesh part's bodies, all kept, in their order.
  let edgeMates: Int32Array | undefined;
  for (const part of model.parts) {
    if (part.exact) {
      // A B-rep kernel measured this solid or shell exactly; its mesh is for display only.
      const closed = part.kind === "solid" && part.exact.volumeMm3 > 0;
      if (!closed) defects.openBodies++;
      const triangleCount = part.indices.length / 3;
      bodies.push({
        volumeMm3: closed ? part.exact.volumeMm3 : 0,
        areaMm2: part.exact.areaMm2,
        bbox: part.exact.bbox,
        closed,
        triangleCount,
        triangleShare: totalTriangles === 0 ? 0 : triangleCount / totalTriangles,
        internalVoids: part.exact.internalVoids ?? 0,
      });
      displayParts.push({
        positions: part.positions,
        welded: false,
        indices: part.indices,
        faceIds: part.faceIds ?? new Int32Array(triangleCount).fill(-1),
        bodyIndex: bodies.length - 1,
      });
      continue;
    }
    const weldedCorners = part.welded
      ? part
      : weldVertices(withNegligibleCoordinatesAsZero(part.positions), part.indices);
    // Collapsed, repeated and coincident opposite triangles go before the mesh is split into bodies.
    // The edge table says whether there are any; a clean mesh keeps its table and skips the repair.
    const vertexCount = weldedCorners.positions.length / 3;
    // Its mates are read by the split below only: a working array kept for the next mesh.
    const firstEdges = buildMeshEdgeTable(weldedCorners.indices, vertexCount, true);
    const clean = firstEdges.degenerateCount === 0 && !firstEdges.hasCoincidentTriangles;
    const cleaned = clean ? undefined : dropBadTriangles(weldedCorners.indices);
    if (cleaned) {
      repairs.degenerateTriangles += cleaned.dropped.degenerate;
      repairs.duplicateTriangles += cleaned.dropped.duplicate;
      repairs.opposingTrianglePairs += cleaned.dropped.opposingPairs;
    }
    const cleanIndices = cleaned?.indices ?? weldedCorners.indices;
    // Seams whose sides split an edge differently (T-junctions) are joined before the split into bodies.
    const seams = joinTJunctionSeams(weldedCorners.positions, cleanIndices, firstEdges.openEdgeCount);
    if (seams) repairs.tJunctionEdgesSplit += seams.splitEdges;
    const welded = { positions: weldedCorners.positions, indices: seams?.indices ?? cleanIndices };
    const split = splitAndOrientBodies(
      welded,
      {
        maxHoleAreaShare: options.maxHoleAreaShare ?? 0.2,
        edgeMates: options.edgeMates === true && model.parts.length === 1,
        // The bodies' triangles are read before this returns (copied into the display mesh): with one
        // part, no other split runs meanwhile, so they may live in working arrays kept for the next mesh.
        inScratch: model.parts.length === 1,
      },
      cleaned || seams ? buildMeshEdgeTable(welded.indices, vertexCount) : firstEdges,
    );
    const { bodies: oriented, sharedEdgeCount } = split;
    edgeMates = split.edgeMates;
    defects.nonManifold += sharedEdgeCount;
    // A closed shell that encloses next to nothing (its sides coincide) is no part: dropped. So are open
    // pieces with material on a side of every triangle (leftovers of touching bodies' faces).
    const flat = (body: OrientedBody) =>
      body.closed && Math.abs(body.measures.signedVolumeMm3) <= flatShellThicknessMm * body.measures.areaMm2;
    const withinSolids = openPiecesWithinSolids(welded.positions, oriented, (body) => !flat(body));
    for (const [index, body] of oriented.entries()) {
      if (flat(body) || withinSolids.has(index)) {
        if (flat(body)) repairs.flatShells++;
        else repairs.openPiecesWithinSolids++;
        edgeMates = undefined; // the display mesh lacks its triangles
        continue;
      }
      const report = reportBody(body, totalTriangles);
      const bodyIndex = bodies.length;
      bodies.push(report);
      turnedByBody[bodyIndex] = body.inverted ? body.turnedTriangles : 0;
      collectDefects(defects, body);
      repairs.holesClosed += body.filledHoles;
      repairs.holeAreaMm2 += body.filledHoleAreaMm2;
      repairs.trianglesTurned += body.turnedTriangles;
      if (body.inverted) repairs.bodiesTurnedOutwards++;
      const faceIds = part.faceIds ? new Int32Array(body.indices.length / 3) : undefined;
      if (part.faceIds && faceIds) {
        for (let triangle = 0; triangle < faceIds.length; triangle++) {
          const kept = body.sourceTriangles[triangle] ?? -1;
          const source = kept >= 0 ? (cleaned ? (cleaned.keptTriangles[kept] ?? -1) : kept) : -1;
          faceIds[triangle] = source >= 0 ? (part.faceIds[source] ?? -1) : -1;
        }
      }
      displayParts.push({
        positions: welded.positions,
        welded: true,
        indices: body.indices,
        faceIds,
        bodyIndex,
      });
    }
  }

  // A mesh file stores a void as a separate closed shell inside its body: take it off that body.
  const meshShells = displayParts.filter(
    (part) =>
      bodies[part.bodyIndex]!.closed &&
      !model.parts.some((source) => source.exact && source.indices === part.indices),
  );
  const containers = findEnclosedBodies(
    meshShells.map((part) => ({
      positions: part.positions,
      indices: part.indices,
      bbox: bodies[part.bodyIndex]!.bbox,
    })),
  );
  containers.forEach((container, index) => {
    if (container < 0) return;
    const inner = bodies[meshShells[index]!.bodyIndex]!;
    const outer = bodies[meshShells[container]!.bodyIndex]!;
    inner.voidOf = meshShells[container]!.bodyIndex;
    // A void's wall drawn facing into the void was right as drawn: it was not repaired.
    const turned = turnedByBody[meshShells[index]!.bodyIndex] ?? 0;
    if (turned > 0) {
      repairs.trianglesTurned -= turned;
      repairs.bodiesTurnedOutwards--;
    }
    outer.volumeMm3 -= inner.volumeMm3;
    outer.internalVoids++;
    // The void's wall faces into the void, away from the material around it.
    const indices = meshShells[index]!.indices;
    for (let corner = 0; corner < indices.length; corner += 3) {
      const swap = indices[corner + 1]!;
      indices[corner + 1] = indices[corner + 2]!;
      indices[corner + 2] = swap;
    }
    if (edgeMates) {
      const first = firstDisplayTriangle(displayParts, meshShells[index]!);
      turnMatesAround(edgeMates, first, first + indices.length / 3);
    }
  });
  const voids = bodies.reduce((sum, body) => sum + body.internalVoids, 0);
  if (voids > 0)
    notices.push({
      code: "internal_void",
      severity: "info",
      message: `The part has ${voids === 1 ? "an empty space" : `${voids} empty spaces`} sealed inside; ${voids === 1 ? "its" : "their"} volume is not counted as material.`,
    });
  const closedBodies = bodies.filter((body) => body.closed && body.voidOf === undefined);
  if (closedBodies.length === 0) {
    return engineFailure(
      "no_solid",
      bodies.length === 0
        ? "The file contains no surfaces to measure. Export the part again with its geometry."
        : "The file holds only open surfaces, no closed solid, so it has no volume to make. Export it as a solid (closed) body.",
    );
  }
  // Loose surfaces have no common orientation: turning them outwards is part of sewing, not a repair.
  if (model.notices.some((notice) => notice.code === "sewn_surfaces")) {
    repairs.trianglesTurned = 0;
    repairs.bodiesTurnedOutwards = 0;
  }
  const shells = describeShells(bodies);
  notices.push(...describeMeshRepairs(repairs), ...defectNotices(defects), ...shells.notices);
  const bbox = unionBox(closedBodies.map((body) => body.bbox));
  const faces = model.faces.map(toFaceReport);
  const displayMesh = buildDisplayMesh(displayParts, bbox.min);
  if (edgeMates) handOnEdgeMates(displayMesh, edgeMates);
  return {
    ok: true,
    value: {
      bodies,
      volumeMm3: closedBodies.reduce((sum, body) => sum + body.volumeMm3, 0),
      areaMm2: bodies.filter((body) => body.closed).reduce((sum, body) => sum + body.areaMm2, 0),
      bbox,
      faces,
      notices,
      repairs,
      shells: shells.shells,
      displayMesh,
    },
  };
}

/** Where a part's triangles start in the display mesh (parts follow one another in order). */
function firstDisplayTriangle(parts: { indices: Uint32Array }[], part: { indices: Uint32Array }): number {
  let first = 0;
  for (const other of parts) {
    if (other === part) return first;
    first += other.indices.length / 3;
  }
  return first;
}

/** A face as the report lists it. */
export function toFaceReport(face: BrepFace): FaceReport {
  return {
    id: face.id,
    type: face.type,
    ...(face.radiusMm !== undefined ? { radiusMm: face.radiusMm } : {}),
    ...(face.axis ? { axis: face.axis } : {}),
    ...(face.halfAngleDeg !== undefined ? { halfAngleDeg: face.halfAngleDeg } : {}),
    ...(face.minorRadiusMm !== undefined ? { minorRadiusMm: face.minorRadiusMm } : {}),
    areaMm2: face.areaMm2,
  };
}

function reportBody(body: OrientedBody, totalTriangles: number): BodyReport {
  const { measures } = body;
  const triangleCount = body.indices.length / 3;
  return {
    volumeMm3: body.closed ? Math.abs(measures.signedVolumeMm3) : 0,
    areaMm2: measures.areaMm2,
    bbox: { min: [...measures.min], max: [...measures.max] },
    closed: body.closed,
    triangleCount,
    internalVoids: 0,
    // The share of the file's triangles: those added to close holes are not in the file.
    triangleShare: totalTriangles === 0 ? 0 : body.fileTriangleCount / totalTriangles,
  };
}

function unionBox(boxes: BoundingBox[]): BoundingBox {
  const min: Vector3 = [Infinity, Infinity, Infinity];
  const max: Vector3 = [-Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis]!, box.min[axis]!);
      max[axis] = Math.max(max[axis]!, box.max[axis]!);
    }
  }
  return { min, max };
}
