import {
  boxEntry,
  intersectCorners,
  leafCount,
  leafStart,
  nodeWords,
  type TriangleBvhTree,
} from "./triangle-bvh";
import { growFloat, growInt32 } from "../printing/grow-typed-array";

/**
 * Which bodies' triangles lie under each node of a tree, for rays that only look for one body's
 * surfaces (a wall ray of an assembly's part, decision 0106).
 */
export interface BodiesInTree {
  /** Per place in the tree's order, the body of the triangle there. */
  bodyAt: Int32Array;
  /** Per inner node, one bit per body (body mod 32) of the triangles below it. */
  nodeBodies: Uint32Array;
}

/** `bodyOf[triangle]` laid out over `tree` (see `BodiesInTree`). */
export function bodiesInTree(tree: TriangleBvhTree, bodyOf: Int32Array): BodiesInTree {
  const { order } = tree;
  const bodyAt = new Int32Array(order.length);
  for (let place = 0; place < order.length; place++) bodyAt[place] = bodyOf[order[place]!]!;
  const bodies: BodiesInTree = { bodyAt, nodeBodies: new Uint32Array(tree.links.length / nodeWords) };
  bodyBitsBelow(tree, bodies, tree.root);
  return bodies;
}

/** The body bits of subtree `ref`, written for its inner nodes on the way. */
function bodyBitsBelow(tree: TriangleBvhTree, bodies: BodiesInTree, ref: number): number {
  if (ref < 0) {
    let bits = 0;
    const start = leafStart(ref);
    for (let place = start; place < start + leafCount(ref); place++)
      bits |= 1 << (bodies.bodyAt[place]! & 31);
    return bits;
  }
  const bits =
    bodyBitsBelow(tree, bodies, tree.links[ref * nodeWords + 12]!) |
    bodyBitsBelow(tree, bodies, tree.links[ref * nodeWords + 13]!);
  bodies.nodeBodies[ref] = bits;
  return bits;
}

let stackRefs: Int32Array<ArrayBuffer> = new Int32Array(256);
let stackEntries: Float64Array<ArrayBuffer> = new Float64Array(256);

/**
 * The nearest triangle of `body` that the ray `ray[0..5]` (origin, direction) hits, other than
 * `skipTriangle`; its distance goes to `ray[6]` (Infinity, and -1 returned, for none). Other bodies'
 * triangles are not tested, and subtrees holding none of `body`'s are not opened. Among this body's
 * triangles the answer is the tree's `castRay`'s: the nearest, ties to the lower triangle number.
 */
export function castRayWithinBody(
  tree: TriangleBvhTree,
  bodies: BodiesInTree,
  ray: Float64Array,
  skipTriangle: number,
  body: number,
): number {
  // Per axis the origin, the direction and its inverse (for the box tests).
  const ox = ray[0]!,
    dx = ray[3]!,
    ix = 1 / dx;
  const oy = ray[1]!,
    dy = ray[4]!,
    iy = 1 / dy;
  const oz = ray[2]!,
    dz = ray[5]!,
    iz = 1 / dz;
  const { boxes, links, order, corners } = tree;
  const { bodyAt, nodeBodies } = bodies;
  const bit = 1 << (body & 31);
  let nearest = -1;
  let nearestMm = Infinity;
  let depth = 0;
  const rootEntry = boxEntry(tree.rootBox, 0, ox, oy, oz, ix, iy, iz, nearestMm);
  if (rootEntry >= 0 && (tree.root < 0 || nodeBodies[tree.root]! & bit)) {
    stackRefs[0] = tree.root;
    stackEntries[0] = rootEntry;
    depth = 1;
  }
  while (depth > 0) {
    depth--;
    if (stackEntries[depth]! > nearestMm) continue;
    const ref = stackRefs[depth]!;
    if (ref < 0) {
      const start = leafStart(ref);
      for (let place = start; place < start + leafCount(ref); place++) {
        if (bodyAt[place] !== body) continue;
        const triangle = order[place]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectCorners(corners, place * 9, ox, oy, oz, dx, dy, dz);
        if (distance > 0 && (distance < nearestMm || (distance === nearestMm && triangle < nearest))) {
          nearestMm = distance;
          nearest = triangle;
        }
      }
      continue;
    }
    if (depth + 2 > stackRefs.length) growStack();
    // Each child holding some of the body's triangles, nearer entry searched first.
    const base = ref * nodeWords;
    const left = links[base + 12]!;
    const right = links[base + 13]!;
    const leftEntry =
      left >= 0 && !(nodeBodies[left]! & bit) ? -1 : boxEntry(boxes, base, ox, oy, oz, ix, iy, iz, nearestMm);
    const rightEntry =
      right >= 0 && !(nodeBodies[right]! & bit)
        ? -1
        : boxEntry(boxes, base + 6, ox, oy, oz, ix, iy, iz, nearestMm);
    const leftFirst = leftEntry >= 0 && (rightEntry < 0 || leftEntry <= rightEntry);
    if (leftFirst && rightEntry >= 0) {
      stackRefs[depth] = right;
      stackEntries[depth++] = rightEntry;
    }
    if (leftEntry >= 0) {
      stackRefs[depth] = left;
      stackEntries[depth++] = leftEntry;
    }
    if (!leftFirst && rightEntry >= 0) {
      stackRefs[depth] = right;
      stackEntries[depth++] = rightEntry;
    }
  }
  ray[6] = nearest < 0 ? Infinity : nearestMm;
  return nearest;
}

function growStack(): void {
  stackRefs = growInt32(stackRefs);
  stackEntries = growFloat(stackEntries);
}
