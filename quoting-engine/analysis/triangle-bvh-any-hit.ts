import { boxEntry, intersectTriangle, nodeWords, type TriangleBvh } from "./triangle-bvh";

/**
 * Whether the ray hits any triangle beyond `skipTriangle` within `maxDistance` (exactly when
 * `castRay` would return a triangle). Tool access only asks whether a ray leaves the part: the first
 * hit found ends the search, where the nearest-hit search must still open every box nearer than its
 * best hit so far.
 */
export function rayHitsAnyTriangle(
  bvh: TriangleBvh,
  origin: readonly [number, number, number],
  direction: readonly [number, number, number],
  skipTriangle = -1,
  maxDistance = Infinity,
): boolean {
  const { boxes, links, order, positions, indices } = bvh.arrays.tree;
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = direction;
  const ix = 1 / dx,
    iy = 1 / dy,
    iz = 1 / dz;
  if (boxEntry(boxes, 0, ox, oy, oz, ix, iy, iz, maxDistance) < 0) return false;
  let stack = anyHitStack;
  let top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const node = stack[--top]!;
    const count = links[node * nodeWords + 7]!;
    if (count >= 0) {
      const start = links[node * nodeWords + 6]!;
      for (let index = start; index < start + count; index++) {
        const triangle = order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectTriangle(positions, indices, triangle, ox, oy, oz, dx, dy, dz);
        if (distance > 0 && distance < maxDistance) return true;
      }
      continue;
    }
    if (top + 2 > stack.length) stack = growAnyHitStack();
    const leftChild = node + 1;
    const rightChild = links[node * nodeWords + 6]!;
    const leftEntry = boxEntry(boxes, leftChild, ox, oy, oz, ix, iy, iz, maxDistance);
    const rightEntry = boxEntry(boxes, rightChild, ox, oy, oz, ix, iy, iz, maxDistance);
    // Nearer child last, so it is opened first: a blocked ray is usually blocked near its start.
    if (leftEntry < 0) {
      if (rightEntry >= 0) stack[top++] = rightChild;
    } else if (rightEntry < 0) stack[top++] = leftChild;
    else if (leftEntry <= rightEntry) {
      stack[top++] = rightChild;
      stack[top++] = leftChild;
    } else {
      stack[top++] = leftChild;
      stack[top++] = rightChild;
    }
  }
  return false;
}

let anyHitStack: Int32Array = new Int32Array(256);
function growAnyHitStack(): Int32Array {
  const larger = new Int32Array(anyHitStack.length * 2);
  larger.set(anyHitStack);
  anyHitStack = larger;
  return larger;
}
