import type { BrepFace } from "../io/cad-model";
import type { DisplayMesh } from "./analyze-model";
import { dot, normalize, type Vector3 } from "./cylinder-geometry";
import type { FaceFamily } from "./depression-features";
import type { TriangleBvh } from "./triangle-bvh";
import { rayHitsAnyTriangle } from "./triangle-bvh-any-hit";
import { smallestCover, type ReachAnswers } from "./smallest-setup-cover";

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
  /** The mesh's triangles of each face id (`trianglesOfEachFace`). */
  trianglesByFace: Map<number, number[]>,
  /** The mesh's box diagonal, mm, when the caller has it (planning part by part): measured here otherwise. */
  sizeMm?: number,
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
  const samples = sampleTriangles(trianglesByFace, new Set(machined), perFace);
  const size =
    sizeMm ??
    Math.hypot(
      extentAlong(mesh.positions, 0),
      extentAlong(mesh.positions, 1),
      extentAlong(mesh.positions, 2),
    );
  // Clear of the surface by more than a coarse facet sags inside the true curve, as a tool would be.
  const offsetMm = Math.max(1e-3, size * 1e-3);
  const rays = new SetupRays(mesh, bvh, machined, samples, candidates, offsetMm);
  // Whether a candidate reaches a face is asked only when the answer is needed (rays cost most of
  // the planning): the search below asks the same questions in the same order as over full sets.
  const undercutFaces: number[] = [];
  const needed: number[] = [];
  for (let face = 0; face < machined.length; face++) {
    let reachable = false;
    for (let index = 0; index < candidates.length && !reachable; index++)
      reachable = rays.reaches(face, index);
    if (reachable) needed.push(face);
    else undercutFaces.push(machined[face]!);
  }
  const chosen = smallestCover(candidates.length, needed, rays);
  return {
    setups: (chosen.length > 0 ? chosen.map((index) => candidates[index]!) : [[0, 0, 1] as Vector3]).map(
      roundDirection,
    ),
    undercut: undercutFaces.length > 0,
    undercutFaces,
  };
}

interface FaceRays {
  triangles: number[];
  normals: Vector3[];
  origins: Vector3[];
  allowedMisses: number;
}

/**
 * Whether candidate `index` reaches machined face `face` (its position in `machined`), each answer cast
 * once and kept: the face must not face away from the direction anywhere, and at most a tenth of its
 * sample rays, started just off the surface, may hit the part. A class, not a closure made per part: V8
 * keeps a method's optimised code from one part to the next (decision 0102).
 */
class SetupRays implements ReachAnswers {
  private readonly known: Int8Array;
  private readonly rays: FaceRays[] = [];

  constructor(
    private readonly mesh: DisplayMesh,
    private readonly bvh: TriangleBvh,
    private readonly machined: number[],
    private readonly samples: Map<number, number[]>,
    private readonly candidates: Vector3[],
    private readonly offsetMm: number,
  ) {
    this.known = new Int8Array(machined.length * candidates.length);
  }

  reaches(face: number, index: number): boolean {
    const slot = face * this.candidates.length + index;
    if (this.known[slot] !== 0) return this.known[slot] === 1;
    const { triangles, normals, origins, allowedMisses } = this.raysOf(face);
    const direction = this.candidates[index]!;
    // A face turned away from the tool cannot be cut by it.
    let reached = triangles.length > 0;
    for (let sample = 0; sample < normals.length && reached; sample++)
      if (dot(normals[sample]!, direction) < -0.02) reached = false;
    if (reached) {
      let misses = 0;
      for (let sample = 0; sample < triangles.length && misses <= allowedMisses; sample++)
        if (rayHitsAnyTriangle(this.bvh, origins[sample]!, direction, triangles[sample])) misses++;
      reached = misses <= allowedMisses;
    }
    this.known[slot] = reached ? 1 : -1;
    return reached;
  }

  private raysOf(face: number): FaceRays {
    const kept = this.rays[face];
    if (kept) return kept;
    const { mesh, offsetMm } = this;
    const triangles = this.samples.get(this.machined[face]!) ?? [];
    const normals: Vector3[] = [];
    const origins: Vector3[] = [];
    for (const triangle of triangles) {
      const { centre, normal } = triangleFrame(mesh, triangle);
      normals.push(normal);
      origins.push([
        centre[0] + normal[0] * offsetMm,
        centre[1] + normal[1] * offsetMm,
        centre[2] + normal[2] * offsetMm,
      ]);
    }
    const rays = {
      triangles,
      normals,
      origins,
      allowedMisses: Math.floor((1 - reachedShare) * triangles.length),
    };
    this.rays[face] = rays;
    return rays;
  }
}

/** The mesh's extent along `axis`, mm. */
export function extentAlong(positions: ArrayLike<number>, axis: number): number {
  let low = Infinity;
  let high = -Infinity;
  for (let index = axis; index < positions.length; index += 3) {
    low = Math.min(low, positions[index]!);
    high = Math.max(high, positions[index]!);
  }
  return high - low;
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
function sampleTriangles(
  trianglesByFace: Map<number, number[]>,
  wanted: Set<number>,
  perFace: number,
): Map<number, number[]> {
  const samples = new Map<number, number[]>();
  for (const face of wanted) {
    const triangles = trianglesByFace.get(face);
    if (!triangles) continue;
    const stride = Math.max(1, triangles.length / perFace);
    const picked: number[] = [];
    for (let position = 0; position < triangles.length; position += stride)
      picked.push(triangles[Math.floor(position)]!);
    samples.set(face, picked);
  }
  return samples;
}

function triangleFrame(mesh: DisplayMesh, triangle: number): { centre: Vector3; normal: Vector3 } {
  const [a, b, c] = [cornerOf(mesh, triangle, 0), cornerOf(mesh, triangle, 1), cornerOf(mesh, triangle, 2)];
  const u: Vector3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v: Vector3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  return {
    centre: [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3],
    normal: normalize([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]),
  };
}

/** Corner `index` of `triangle`. A module function: a closure made per triangle cost more than its reads. */
function cornerOf(mesh: DisplayMesh, triangle: number, index: number): Vector3 {
  const vertex = mesh.indices[triangle * 3 + index]! * 3;
  return [mesh.positions[vertex]!, mesh.positions[vertex + 1]!, mesh.positions[vertex + 2]!];
}

function roundDirection(direction: Vector3): Vector3 {
  return direction.map((value) => Math.round(value * 1e6) / 1e6 + 0) as Vector3;
}
