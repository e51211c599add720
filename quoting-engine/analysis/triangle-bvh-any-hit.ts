import {
  boxEntry,
  intersectCorners,
  leafCount,
  leafStart,
  nodeWords,
  type TriangleBvh,
} from "./triangle-bvh";

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
  const { boxes, links, order, corners, rootBox, root } = bvh.arrays.tree;
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = direction;
  const ix = 1 / dx,
    iy = 1 / dy,
    iz = 1 / dz;
  if (boxEntry(rootBox, 0, ox, oy, oz, ix, iy, iz, maxDistance) < 0) return false;
  let stack = anyHitStack;
  let top = 0;
  stack[top++] = root;
  while (top > 0) {
    const node = stack[--top]!;
    if (node < 0) {
      const start = leafStart(node);
      for (let index = start; index < start + leafCount(node); index++) {
        const triangle = order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectCorners(corners, index * 9, ox, oy, oz, dx, dy, dz);
        if (distance > 0 && distance < maxDistance) return true;
      }
      continue;
    }
    if (top + 2 > stack.length) stack = growAnyHitStack();
    const base = node * nodeWords;
    const leftChild = links[base + 12]!;
    const rightChild = links[base + 13]!;
    const leftEntry = boxEntry(boxes, base, ox, oy, oz, ix, iy, iz, maxDistance);
    const rightEntry = boxEntry(boxes, base + 6, ox, oy, oz, ix, iy, iz, maxDistance);
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
