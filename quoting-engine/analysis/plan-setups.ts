import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, normalize, type Vector3 } from "./cylinder-geometry";
import type { FaceFamily } from "./depression-features";
import type { TriangleBvh } from "./triangle-bvh";
import { rayHitsAnyTriangle } from "./triangle-bvh-any-hit";
import { smallestCover } from "./smallest-setup-cover";

export interface SetupPlan {
  /** The fewest 3-axis tool directions (unit vectors, tool pointing against them) reaching every reachable machined face. */
  setups: Vector3[];
  /** Some machined face no straight tool from any candidate direction reaches. */
  undercut: boolean;
  undercutFaces: number[];
}

/** Rays per face: enough to see a face half hidden under an overhang, few enough for 200-face parts. */
const samplesPerFace = 16;
/** A face counts as reached when this share of its sample rays leave the part unobstructed. */
const reachedShare = 0.9;
/** Most rays cast in all (a face that passes needs all its samples cast). */
const rayBudget = 400_000;
/** Most candidate directions tried (the six principal ones and the best-supported others). */
const maxCandidates = 24;
/** Tool directions this close (about 1.8°) are one direction. */
const sameDirectionCosine = 0.9995;

/**
 * Which directions a 3-axis machine must approach the part from. A machined face (any face the outer
 * planes of the stock do not hold) is reached from direction d when it does not face away from d and
 * straight rays along d from points on it leave the part. Candidate directions are the ones a machinist
 * would set up for: the outward normals of machined planes and both ways along the axes of machined
 * faces of revolution. The smallest set of candidates reaching every reachable face is chosen exactly
 * (up to four directions, greedily beyond); faces no candidate reaches are undercuts, which need a
 * T-slot or dovetail cutter, a fifth axis, or EDM.
 */
export function planSetups(
  faces: BrepFace[],
  families: FaceFamily[],
  mesh: DisplayMesh,
  bvh: TriangleBvh,
  faceNormals: Map<number, Vector3>,
): SetupPlan {
  const machined = faces.filter((face) => families[face.id] !== "stock").map((face) => face.id);
  // Candidate directions, each with the area of the faces that suggest it.
  const suggested: { direction: Vector3; areaMm2: number }[] = [];
  const addCandidate = (direction: Vector3, areaMm2: number) => {
    if (Math.hypot(...direction) < 0.5) return;
    const unit = normalize(direction);
    const existing = suggested.find((entry) => dot(entry.direction, unit) > sameDirectionCosine);
    if (existing) existing.areaMm2 += areaMm2;
    else suggested.push({ direction: unit, areaMm2 });
  };
  for (const id of machined) {
    const face = faces[id]!;
    if (face.type === "plane") addCandidate(faceNormals.get(id) ?? [0, 0, 0], face.areaMm2);
    else if (face.axis && (face.type === "cylinder" || face.type === "cone" || face.type === "torus")) {
      addCandidate(face.axis, face.areaMm2);
      addCandidate([-face.axis[0], -face.axis[1], -face.axis[2]], face.areaMm2);
    }
  }
  // Principal directions first, +Z first of all, so that ties choose the plainest setups; then the
  // directions with most area behind them. A free-form mesh suggests hundreds: the best few suffice.
  const candidates = suggested
    .sort((a, b) => principalRank(a.direction) - principalRank(b.direction) || b.areaMm2 - a.areaMm2)
    .slice(0, maxCandidates)
    .map((entry) => entry.direction);
  if (machined.length === 0 || candidates.length === 0)
    return { setups: [[0, 0, 1]], undercut: false, undercutFaces: [] };

  // Rays stay within a budget on meshes of thousands of faces: fewer samples per face there.
  const perFace = Math.max(
    2,
    Math.min(samplesPerFace, Math.floor(rayBudget / (machined.length * candidates.length))),
  );
  const samples = sampleTriangles(mesh, new Set(machined), perFace);
  const size = Math.hypot(
    ...[0, 1, 2].map((axis) => {
      let low = Infinity;
      let high = -Infinity;
      for (let index = axis; index < mesh.positions.length; index += 3) {
        low = Math.min(low, mesh.positions[index]!);
        high = Math.max(high, mesh.positions[index]!);
      }
      return high - low;
    }),
  );
  // Clear of the surface by more than a coarse facet sags inside the true curve, as a tool would be.
  const offsetMm = Math.max(1e-3, size * 1e-3);
  const reaches = faceReachedFrom(mesh, bvh, machined, samples, candidates, offsetMm);
  // Whether a candidate reaches a face is asked only when the answer is needed (rays cost most of
  // the planning): the search below asks the same questions in the same order as over full sets.
  const undercutFaces: number[] = [];
  const needed: number[] = [];
  machined.forEach((id, face) => {
    if (candidates.some((_, index) => reaches(face, index))) needed.push(face);
    else undercutFaces.push(id);
  });
  const chosen = smallestCover(candidates.length, needed, reaches);
  return {
    setups: (chosen.length > 0 ? chosen.map((index) => candidates[index]!) : [[0, 0, 1] as Vector3]).map(
      roundDirection,
    ),
    undercut: undercutFaces.length > 0,
    undercutFaces,
  };
}

/**
 * Whether candidate `index` reaches machined face `face` (its position in `machined`), each answer cast
 * once and kept: the face must not face away from the direction anywhere, and at most a tenth of its
 * sample rays, started just off the surface, may hit the part.
 */
function faceReachedFrom(
  mesh: DisplayMesh,
  bvh: TriangleBvh,
  machined: number[],
  samples: Map<number, number[]>,
  candidates: Vector3[],
  offsetMm: number,
): (face: number, index: number) => boolean {
  const known = new Int8Array(machined.length * candidates.length);
  const rays: { triangles: number[]; normals: Vector3[]; origins: Vector3[]; allowedMisses: number }[] = [];
  const raysOf = (face: number) => {
    if (rays[face]) return rays[face];
    const frames = (samples.get(machined[face]!) ?? []).map((triangle) => ({
      triangle,
      ...triangleFrame(mesh, triangle),
    }));
    rays[face] = {
      triangles: frames.map(({ triangle }) => triangle),
      normals: frames.map(({ normal }) => normal),
      origins: frames.map(({ centre, normal }): Vector3 => [
        centre[0] + normal[0] * offsetMm,
        centre[1] + normal[1] * offsetMm,
        centre[2] + normal[2] * offsetMm,
      ]),
      allowedMisses: Math.floor((1 - reachedShare) * frames.length),
    };
    return rays[face];
  };
  return (face, index) => {
    const slot = face * candidates.length + index;
    if (known[slot] !== 0) return known[slot] === 1;
    const { triangles, normals, origins, allowedMisses } = raysOf(face);
    const direction = candidates[index]!;
    // A face turned away from the tool cannot be cut by it.
    let reached = triangles.length > 0 && !normals.some((normal) => dot(normal, direction) < -0.02);
    if (reached) {
      let misses = 0;
      for (let sample = 0; sample < triangles.length && misses <= allowedMisses; sample++)
        if (rayHitsAnyTriangle(bvh, origins[sample]!, direction, triangles[sample])) misses++;
      reached = misses <= allowedMisses;
    }
    known[slot] = reached ? 1 : -1;
    return reached;
  };
}

function principalRank(direction: Vector3): number {
  const principal: Vector3[] = [
    [0, 0, 1],
    [0, 0, -1],
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
  ];
  const rank = principal.findIndex((axis) => dot(axis, direction) > sameDirectionCosine);
  return rank < 0 ? principal.length : rank;
}

/** Up to `perFace` triangles per face, spread over the face's triangle list. */
function sampleTriangles(mesh: DisplayMesh, wanted: Set<number>, perFace: number): Map<number, number[]> {
  const all = new Map<number, number[]>();
  mesh.faceIds.forEach((face, triangle) => {
    if (!wanted.has(face)) return;
    const list = all.get(face);
    if (list) list.push(triangle);
    else all.set(face, [triangle]);
  });
  const samples = new Map<number, number[]>();
  for (const [face, triangles] of all) {
    const stride = Math.max(1, triangles.length / perFace);
    const picked: number[] = [];
    for (let position = 0; position < triangles.length; position += stride)
      picked.push(triangles[Math.floor(position)]!);
    samples.set(face, picked);
  }
  return samples;
}

function triangleFrame(mesh: DisplayMesh, triangle: number): { centre: Vector3; normal: Vector3 } {
  const corner = (index: number): Vector3 => {
    const vertex = mesh.indices[triangle * 3 + index]! * 3;
    return [mesh.positions[vertex]!, mesh.positions[vertex + 1]!, mesh.positions[vertex + 2]!];
  };
  const [a, b, c] = [corner(0), corner(1), corner(2)];
  const u: Vector3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v: Vector3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  return {
    centre: [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3],
    normal: normalize([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]),
  };
}

function roundDirection(direction: Vector3): Vector3 {
  return direction.map((value) => Math.round(value * 1e6) / 1e6 + 0) as Vector3;
}
