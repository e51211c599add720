import { nextPowerOfTwo } from "./weld-vertices";

/** What `dropBadTriangles` removed, by kind. */
export interface DroppedTriangles {
  /** Triangles with two or three corners on the same (welded) vertex: a line or a point, no surface. */
  degenerate: number;
  /** Extra copies of a triangle facing the same way as one that is kept. */
  duplicate: number;
  /**
   * Pairs of coincident triangles facing opposite ways, both removed: a wall of no thickness (two bodies
   * exported with their shared face, or a flap folded back onto itself). Removing both joins the bodies.
   */
  opposingPairs: number;
}

/**
 * Removes, from a welded mesh's triangles, those that add no surface or count a surface twice: collapsed
 * triangles (corners welded together), repeated triangles (the same three vertices in either winding),
 * and coincident pairs that face opposite ways. Left in, these make edges look shared by more than two
 * triangles, split one body into touching ones and double the area. Triangles with three distinct but
 * collinear corners are kept: they still join their neighbours' edges (dropping them would open a crack).
 * Linear in the number of triangles (open-addressing hash of the sorted corner triple).
 */
export function dropBadTriangles(indices: Uint32Array): {
  indices: Uint32Array;
  /** For each kept triangle, its index in the input. */
  keptTriangles: Uint32Array;
  dropped: DroppedTriangles;
} {
  const triangleCount = indices.length / 3;
  const capacity = nextPowerOfTwo(Math.max(16, triangleCount * 2));
  const mask = capacity - 1;
  const slotGroup = new Int32Array(capacity).fill(-1);
  const groupOf = new Int32Array(triangleCount).fill(-1);
  const evenWinding = new Uint8Array(triangleCount); // winding agrees with the sorted corner order
  const groupFirst = new Uint32Array(triangleCount); // group -> first triangle (for its corners)
  const groupEven = new Uint32Array(triangleCount);
  const groupOdd = new Uint32Array(triangleCount);
  let groups = 0;
  const dropped: DroppedTriangles = { degenerate: 0, duplicate: 0, opposingPairs: 0 };

  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const a = indices[triangle * 3] ?? 0;
    const b = indices[triangle * 3 + 1] ?? 0;
    const c = indices[triangle * 3 + 2] ?? 0;
    if (a === b || b === c || c === a) {
      dropped.degenerate++;
      continue;
    }
    // The rotation that starts at the smallest index keeps the winding; then the order of the other two
    // says whether the winding is the sorted one (even) or its reverse.
    const startsAtA = a < b && a < c;
    const startsAtB = !startsAtA && b < c;
    const low = startsAtA ? a : startsAtB ? b : c;
    const second = startsAtA ? b : startsAtB ? c : a;
    const third = startsAtA ? c : startsAtB ? a : b;
    const even = second < third;
    const middle = even ? second : third;
    const high = even ? third : second;
    let slot =
      (Math.imul(low, 2654435761) ^ Math.imul(middle, 2246822519) ^ Math.imul(high, 3266489917)) & mask;
    let group = -1;
    for (;;) {
      const occupant = slotGroup[slot] ?? -1;
      if (occupant === -1) {
        group = groups++;
        slotGroup[slot] = group;
        groupFirst[group] = triangle;
        break;
      }
      if (sameCorners(indices, groupFirst[occupant] ?? 0, low, middle, high)) {
        group = occupant;
        break;
      }
      slot = (slot + 1) & mask;
    }
    groupOf[triangle] = group;
    evenWinding[triangle] = even ? 1 : 0;
    if (even) groupEven[group] = (groupEven[group] ?? 0) + 1;
    else groupOdd[group] = (groupOdd[group] ?? 0) + 1;
  }

  const kept = new Uint32Array(triangleCount);
  let keptCount = 0;
  const seenEven = new Uint8Array(groups);
  const seenOdd = new Uint8Array(groups);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    const group = groupOf[triangle] ?? -1;
    if (group < 0) continue;
    const even = groupEven[group] ?? 0;
    const odd = groupOdd[group] ?? 0;
    const seen = evenWinding[triangle] ? seenEven : seenOdd;
    if (seen[group]) {
      dropped.duplicate++;
      continue;
    }
    seen[group] = 1;
    if (even > 0 && odd > 0) {
      if (evenWinding[triangle]) dropped.opposingPairs++;
      continue;
    }
    kept[keptCount++] = triangle;
  }

  if (keptCount === triangleCount) {
    return { indices, keptTriangles: kept, dropped };
  }
  const keptIndices = new Uint32Array(keptCount * 3);
  for (let index = 0; index < keptCount; index++) {
    const source = (kept[index] ?? 0) * 3;
    keptIndices[index * 3] = indices[source] ?? 0;
    keptIndices[index * 3 + 1] = indices[source + 1] ?? 0;
    keptIndices[index * 3 + 2] = indices[source + 2] ?? 0;
  }
  return { indices: keptIndices, keptTriangles: kept.slice(0, keptCount), dropped };
}

function sameCorners(indices: Uint32Array, triangle: number, low: number, middle: number, high: number) {
  const a = indices[triangle * 3] ?? 0;
  const b = indices[triangle * 3 + 1] ?? 0;
  const c = indices[triangle * 3 + 2] ?? 0;
  return Math.min(a, b, c) === low && Math.max(a, b, c) === high && a + b + c - low - high === middle;
}
