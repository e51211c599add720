/** Files with more open edges than this are left as they are (the search pairs open edges with corners). */
const maxOpenEdges = 2000;
/** A corner lies on an edge when it is this close to it, relative to the edge's length. */
const onEdgeShare = 1e-5;

/**
 * Joins seams where one side's corner lies in the middle of the other side's edge (a T-junction), as
 * exporters write a face meeting another whose edge they split differently: trimesh's featuretype.3MF
 * has a boss whose foot runs from corner to corner while the block's top splits the same line in two
 * (decision 0125). Every edge along such a seam is open, so the boss reads as an open surface and is
 * left out. Each open edge whose other side runs along it as a chain of open edges is split at the
 * chain's corners (its triangle becomes a fan from its third corner, in the same winding), so both sides
 * share the same edges. `openEdgeCount` is the mesh's, from its edge table. Returns the new
 * triangles and how many edges were split, or undefined when none was.
 */
export function joinTJunctionSeams(
  positions: Float64Array,
  indices: Uint32Array,
  openEdgeCount: number,
): { indices: Uint32Array; splitEdges: number } | undefined {
  // A closed mesh has no seam to join; the pass is skipped above the limit before it reads anything.
  if (openEdgeCount === 0 || openEdgeCount > maxOpenEdges) return undefined;
  let triangles = indices;
  let splitEdges = 0;
  // A triangle with two split edges is split again in the next round.
  for (let round = 0; round < 4; round++) {
    const open = openHalfEdges(triangles);
    if (open.length === 0 || open.length > maxOpenEdges) break;
    const corners = [...new Set(open.flatMap((halfEdge) => [halfEdge.from, halfEdge.to]))];
    // The other side runs each open edge the other way: a seam is joined only where the corners on an
    // edge are the other side's chain of open edges along it, end to end.
    const runs = new Set(open.map((halfEdge) => `${halfEdge.from},${halfEdge.to}`));
    const fans = new Map<number, number[]>();
    for (const { triangle, from, to, third } of open) {
      if (fans.has(triangle)) continue;
      const inside = cornersInside(positions, from, to, corners);
      if (inside.length === 0) continue;
      const chain = [from, ...inside, to];
      if (!chain.every((corner, step) => step === 0 || runs.has(`${corner},${chain[step - 1]}`))) continue;
      const fan: number[] = [];
      for (let step = 0; step + 1 < chain.length; step++) fan.push(chain[step]!, chain[step + 1]!, third);
      fans.set(triangle, fan);
      splitEdges++;
    }
    if (fans.size === 0) break;
    const next: number[] = [];
    for (let triangle = 0; triangle < triangles.length / 3; triangle++) {
      const fan = fans.get(triangle);
      if (fan) next.push(...fan);
      else next.push(triangles[triangle * 3]!, triangles[triangle * 3 + 1]!, triangles[triangle * 3 + 2]!);
    }
    triangles = Uint32Array.from(next);
  }
  return splitEdges > 0 ? { indices: triangles, splitEdges } : undefined;
}

interface OpenHalfEdge {
  triangle: number;
  from: number;
  to: number;
  third: number;
}

/** The half-edges of edges that one triangle uses, as their triangles run them. */
function openHalfEdges(indices: Uint32Array): OpenHalfEdge[] {
  // One number per edge (lower vertex × 2^26 + higher, exact below 2^53), cheaper than strings.
  const uses = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * 67_108_864 + b : b * 67_108_864 + a);
  for (let corner = 0; corner < indices.length; corner++) {
    const next = corner % 3 === 2 ? corner - 2 : corner + 1;
    const edge = key(indices[corner]!, indices[next]!);
    uses.set(edge, (uses.get(edge) ?? 0) + 1);
  }
  const open: OpenHalfEdge[] = [];
  for (let corner = 0; corner < indices.length; corner++) {
    const base = corner - (corner % 3);
    const next = base + ((corner - base + 1) % 3);
    const after = base + ((corner - base + 2) % 3);
    if (uses.get(key(indices[corner]!, indices[next]!)) !== 1) continue;
    open.push({ triangle: base / 3, from: indices[corner]!, to: indices[next]!, third: indices[after]! });
  }
  return open;
}

/** The corners strictly inside the edge from → to and on it, in order from `from`. */
function cornersInside(positions: Float64Array, from: number, to: number, corners: number[]): number[] {
  const [ux, uy, uz] = [positions[from * 3]!, positions[from * 3 + 1]!, positions[from * 3 + 2]!];
  const [dx, dy, dz] = [positions[to * 3]! - ux, positions[to * 3 + 1]! - uy, positions[to * 3 + 2]! - uz];
  const lengthSquared = dx * dx + dy * dy + dz * dz;
  if (lengthSquared === 0) return [];
  const tolerance = onEdgeShare * Math.sqrt(lengthSquared);
  const found: { corner: number; along: number }[] = [];
  for (const corner of corners) {
    if (corner === from || corner === to) continue;
    const wx = positions[corner * 3]! - ux;
    const wy = positions[corner * 3 + 1]! - uy;
    const wz = positions[corner * 3 + 2]! - uz;
    const along = (wx * dx + wy * dy + wz * dz) / lengthSquared;
    if (along <= 1e-9 || along >= 1 - 1e-9) continue;
    const [ox, oy, oz] = [wx - along * dx, wy - along * dy, wz - along * dz];
    if (ox * ox + oy * oy + oz * oz <= tolerance * tolerance) found.push({ corner, along });
  }
  return found.sort((a, b) => a.along - b.along).map((entry) => entry.corner);
}
