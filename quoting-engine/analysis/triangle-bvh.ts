import { cornersInOrder } from "./bvh-corners-in-order";
import { measureTriangles } from "./measure-triangles";
import { mortonOrder } from "./morton-order";
import { scratchFloat32Array, scratchInt32Array } from "./scratch-arrays";

/**
 * A bounding-volume hierarchy over a triangle mesh, for ray casting in about log n per ray: wall
 * thickness and tool access both cast tens of thousands of rays.
 */
export interface TriangleBvh {
  /** The tree and the mesh it was built over, for other queries (any-hit in triangle-bvh-any-hit.ts). */
  readonly arrays: { tree: TriangleBvhTree; positions: Float32Array; indices: Uint32Array };
  /**
   * `castRay` without allocating, for callers casting many rays: the ray is `ray[0..2]` (origin) and
   * `ray[3..5]` (direction); returns the nearest triangle hit (-1 for none) and writes its distance to
   * `ray[6]` (Infinity for none).
   */
  castRayInto(ray: Float64Array, skipTriangle: number, maxDistance: number): number;
  /** Nearest triangle the ray hits beyond `skipTriangle`, within `maxDistance`; triangle -1 for none. */
  castRay(
    origin: [number, number, number],
    direction: [number, number, number],
    skipTriangle?: number,
    maxDistance?: number,
  ): { triangle: number; distance: number };
  /**
   * Every triangle once, in the order of the tree's leaves (Morton order of their centres): rays cast
   * from triangles in this order visit the same nodes one after another, which the memory caches keep.
   */
  triangleOrder: Int32Array;
}

const leafSize = 8;

/** A leaf box's margin around a coordinate: a millionth of its size, at least a nanometre. */
const leafMarginMm = (value: number): number => 1e-6 * Math.abs(value) + 1e-6;

export function buildTriangleBvh(
  positions: Float32Array,
  indices: Uint32Array,
  centroids: Float64Array = measureTriangles(positions, indices).centroids,
  /**
   * The tree's arrays in this thread's kept working arrays (scratch-arrays.ts) instead of fresh ones:
   * only for a tree used and dropped before the next one is built with them (`recognizeFeatures`).
   */
  keptArrays = false,
): TriangleBvh {
  const tree = buildTree(positions, indices, centroids, keptArrays);
  const ray = new Float64Array(7);
  return {
    arrays: { tree, positions, indices },
    castRay: (origin, direction, skipTriangle = -1, maxDistance = Infinity) => {
      ray.set(origin);
      ray.set(direction, 3);
      const triangle = castRay(tree, ray, skipTriangle, maxDistance);
      return { triangle, distance: ray[6]! };
    },
    castRayInto: (into, skipTriangle, maxDistance) => castRay(tree, into, skipTriangle, maxDistance),
    triangleOrder: tree.order,
  };
}

/** The tree's arrays, as queries in other files read them. */
export type TriangleBvhTree = Tree;
interface Tree {
  /**
   * Per inner node, `nodeWords` 32-bit words (one 64-byte cache line) over one buffer, read through two
   * views: in `boxes`, words 0–5 its left child's box and 6–11 its right child's (min x y z, max x y z,
   * rounded outwards to float32); in `links`, words 12 and 13 the children (`childRef`). Opening a node
   * reads both children's boxes from one line, where a node holding its own box needs two.
   */
  boxes: Float32Array;
  links: Int32Array;
  /** The whole tree's box and its root (`childRef`: a leaf when the mesh has at most `leafSize` triangles). */
  rootBox: Float32Array;
  root: number;
  order: Int32Array;
  /**
   * Each triangle's corners (x y z of its first, second, third vertex, 9 float32s) in the leaves' order:
   * a leaf's triangles are read from one run of memory instead of through `order`, `indices` and three
   * scattered vertices. The same float32 numbers as `positions`, so every hit is the same.
   */
  corners: Float32Array;
  positions: Float32Array;
  indices: Uint32Array;
}

/** 32-bit words per inner node (see `Tree`). */
export const nodeWords = 16;

/**
 * A child reference: an inner node's number (≥ 0), or a leaf as -1 − (start in `order` × 16 + count);
 * leaves hold at most `leafSize` (< 16) triangles.
 */
export const leafRef = (start: number, count: number): number => -1 - (start * 16 + count);
/** A leaf reference's first place in `order` and its triangle count. */
export const leafStart = (ref: number): number => (-1 - ref) >> 4;
export const leafCount = (ref: number): number => (-1 - ref) & 15;

/** Room for `nodeCount` nodes, keeping the first `keep` nodes of `tree` (kept arrays: see `buildTriangleBvh`). */
function allocateNodes(tree: Tree, nodeCount: number, keep: number, keptArrays: boolean): void {
  const words = nodeCount * nodeWords;
  const links = keptArrays ? scratchInt32Array("bvh nodes", words) : new Int32Array(words);
  if (keep > 0 && links.buffer !== tree.links.buffer) links.set(tree.links.subarray(0, keep * nodeWords));
  tree.links = links;
  tree.boxes = new Float32Array(links.buffer, 0, words);
}

/**
 * A float32 no larger than `value` (a box's lower side never moves inwards): moved down by a float32
 * step's worth (2⁻²³ of itself) first, so rounding to the nearest float32 cannot land above it.
 */
const float32Below = (value: number): number => Math.fround(value - Math.abs(value) * 2 ** -23);

/** A float32 no smaller than `value`. */
const float32Above = (value: number): number => Math.fround(value + Math.abs(value) * 2 ** -23);

/**
 * A linear BVH: triangles sorted by the Morton code of their centre (10 bits per axis over the centres'
 * box, radix-sorted), each node split where its range's codes first differ in their highest bit, that
 * is at the middle of its longest side of the code grid. Two linear passes and a sort instead of a
 * partition of every level; boxes are filled bottom-up, each triangle read once at its leaf.
 */
function buildTree(
  positions: Float32Array,
  indices: Uint32Array,
  centroids: Float64Array,
  keptArrays: boolean,
): Tree {
  const triangleCount = indices.length / 3;
  const { codes, order, placeOf } = mortonOrder(centroids, triangleCount, keptArrays);
  const tree: Tree = {
    boxes: new Float32Array(0),
    links: new Int32Array(0),
    rootBox: new Float32Array(6),
    root: 0,
    order,
    corners: cornersInOrder(
      positions,
      indices,
      placeOf,
      keptArrays
        ? scratchFloat32Array("bvh corners", triangleCount * 9)
        : new Float32Array(triangleCount * 9),
    ),
    positions,
    indices,
  };
  allocateNodes(tree, Math.max(1, 2 * Math.ceil(triangleCount / leafSize)), 0, keptArrays);
  tree.root = buildNode({ tree, codes, nodeCount: 0, keptArrays }, 0, triangleCount, tree.rootBox, 0);
  return tree;
}

/** A tree being built: its sorted Morton codes and the nodes used so far. */
interface TreeBuild {
  tree: Tree;
  codes: Uint32Array;
  nodeCount: number;
  keptArrays: boolean;
}

/**
 * Builds the subtree over order[from, to), writes its box at `at` of `into` (of the node array when
 * undefined), returns its reference. A function of the module, not a closure made per tree: compiled
 * code calling a closure holds that closure, and was thrown away with it after every part (0101).
 */
function buildNode(
  build: TreeBuild,
  from: number,
  to: number,
  into: Float32Array | undefined,
  at: number,
): number {
  const { tree, codes } = build;
  if (to - from <= leafSize) {
    // Grown by a hair: the triangle test accepts hits a billionth of an edge outside the triangle,
    // and a ray grazing the box must not miss them (else the hit would depend on the tree's shape).
    // The node array may have grown since the parent started: the box goes to the current one.
    const boxes = into ?? tree.boxes;
    const { corners } = tree;
    for (let axis = 0; axis < 3; axis++) {
      let low = Infinity;
      let high = -Infinity;
      // The leaf's 3 × count corners on this axis (its 9 × count floats are in one run of memory).
      for (let corner = from * 9 + axis; corner < to * 9; corner += 3) {
        const value = corners[corner]!;
        if (value < low) low = value;
        if (value > high) high = value;
      }
      boxes[at + axis] = float32Below(low - leafMarginMm(low));
      boxes[at + axis + 3] = float32Above(high + leafMarginMm(high));
    }
    return leafRef(from, to - from);
  }
  // Ranges split unevenly (clustered centres) can need more nodes than estimated.
  if (build.nodeCount * nodeWords === tree.links.length)
    allocateNodes(tree, build.nodeCount * 2, build.nodeCount, build.keptArrays);
  const node = build.nodeCount++;
  const first = codes[from]!;
  const last = codes[to - 1]!;
  let middle = (from + to) >> 1;
  if (first !== last) {
    // The codes share every bit above the highest one where the first and last differ: the range
    // splits at the first code with that bit set.
    const bit = 1 << (31 - Math.clz32(first ^ last));
    let low = from;
    let high = to - 1;
    while (low < high) {
      const probe = (low + high) >> 1;
      if (codes[probe]! & bit) high = probe;
      else low = probe + 1;
    }
    middle = low;
  }
  const base = node * nodeWords;
  const left = buildNode(build, from, middle, undefined, base);
  const right = buildNode(build, middle, to, undefined, base + 6);
  const { boxes, links } = tree;
  links[base + 12] = left;
  links[base + 13] = right;
  const target = into ?? boxes;
  for (let side = 0; side < 3; side++) {
    target[at + side] = Math.min(boxes[base + side]!, boxes[base + 6 + side]!);
    target[at + side + 3] = Math.max(boxes[base + side + 3]!, boxes[base + 9 + side]!);
  }
  return node;
}

/**
 * `bvh.castRayInto` as a function of the module, for loops compiled once for every part: calling the
 * tree's own closure, their compiled code held that closure and was thrown away with it (decision 0101).
 */
export function castRayIntoTree(bvh: TriangleBvh, ray: Float64Array, skip: number, maxMm: number): number {
  return castRay(bvh.arrays.tree, ray, skip, maxMm);
}

/** The nearest hit of the ray in `ray[0..5]` (origin, direction): its triangle, its distance in `ray[6]`. */
function castRay(tree: Tree, ray: Float64Array, skipTriangle: number, maxDistance: number): number {
  // Scalars and one reused stack: wall thickness casts hundreds of thousands of rays per part.
  let bestTriangle = -1;
  let bestDistance = maxDistance;
  const ox = ray[0]!,
    oy = ray[1]!,
    oz = ray[2]!;
  const dx = ray[3]!,
    dy = ray[4]!,
    dz = ray[5]!;
  const ix = 1 / dx,
    iy = 1 / dy,
    iz = 1 / dz;
  const { boxes, links, order, corners } = tree;
  // Each pushed child (`childRef`) with the distance where the ray enters its box, measured once when
  // its parent was opened: a child is skipped when a hit nearer than its entry has been found since.
  let nodes = traversalNodes;
  let entries = traversalEntries;
  let top = 0;
  const rootEntry = boxEntry(tree.rootBox, 0, ox, oy, oz, ix, iy, iz, bestDistance);
  if (rootEntry >= 0) {
    nodes[0] = tree.root;
    entries[0] = rootEntry;
    top = 1;
  }
  while (top > 0) {
    top--;
    if (entries[top]! > bestDistance) continue;
    const node = nodes[top]!;
    if (node < 0) {
      const start = leafStart(node);
      for (let index = start; index < start + leafCount(node); index++) {
        const triangle = order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectCorners(corners, index * 9, ox, oy, oz, dx, dy, dz);
        // Two triangles at the same distance (a ray through their shared edge): the lower number, so
        // the answer does not depend on the order the tree visits them in.
        if (
          distance > 0 &&
          (distance < bestDistance || (distance === bestDistance && triangle < bestTriangle))
        ) {
          bestDistance = distance;
          bestTriangle = triangle;
        }
      }
      continue;
    }
    if (top + 2 > nodes.length) {
      growStack();
      nodes = traversalNodes;
      entries = traversalEntries;
    }
    const base = node * nodeWords;
    const leftChild = links[base + 12]!;
    const rightChild = links[base + 13]!;
    const leftEntry = boxEntry(boxes, base, ox, oy, oz, ix, iy, iz, bestDistance);
    const rightEntry = boxEntry(boxes, base + 6, ox, oy, oz, ix, iy, iz, bestDistance);
    // Nearer child last, so it is searched first and shortens the far child's search.
    if (leftEntry < 0) {
      if (rightEntry < 0) continue;
      nodes[top] = rightChild;
      entries[top++] = rightEntry;
    } else if (rightEntry < 0) {
      nodes[top] = leftChild;
      entries[top++] = leftEntry;
    } else if (leftEntry <= rightEntry) {
      nodes[top] = rightChild;
      entries[top++] = rightEntry;
      nodes[top] = leftChild;
      entries[top++] = leftEntry;
    } else {
      nodes[top] = leftChild;
      entries[top++] = leftEntry;
      nodes[top] = rightChild;
      entries[top++] = rightEntry;
    }
  }
  ray[6] = bestTriangle < 0 ? Infinity : bestDistance;
  return bestTriangle;
}

let traversalNodes = new Int32Array(256);
let traversalEntries = new Float64Array(256);
function growStack(): void {
  const nodes = new Int32Array(traversalNodes.length * 2);
  nodes.set(traversalNodes);
  traversalNodes = nodes;
  const entries = new Float64Array(traversalEntries.length * 2);
  entries.set(traversalEntries);
  traversalEntries = entries;
}

/**
 * Where the ray enters the box at `boxes[base..base+6)` (0 when it starts inside), or -1 when it misses
 * within maxDistance.
 */
export function boxEntry(
  boxes: Float32Array,
  base: number,
  ox: number,
  oy: number,
  oz: number,
  ix: number,
  iy: number,
  iz: number,
  maxDistance: number,
): number {
  let t1 = (boxes[base]! - ox) * ix;
  let t2 = (boxes[base + 3]! - ox) * ix;
  let near = Math.max(0, Math.min(t1, t2));
  let far = Math.min(maxDistance, Math.max(t1, t2));
  t1 = (boxes[base + 1]! - oy) * iy;
  t2 = (boxes[base + 4]! - oy) * iy;
  near = Math.max(near, Math.min(t1, t2));
  far = Math.min(far, Math.max(t1, t2));
  t1 = (boxes[base + 2]! - oz) * iz;
  t2 = (boxes[base + 5]! - oz) * iz;
  near = Math.max(near, Math.min(t1, t2));
  far = Math.min(far, Math.max(t1, t2));
  return near > far ? -1 : near;
}

/**
 * Möller–Trumbore: distance along the ray to the triangle whose corners are `corners[at..at+9)` (x y z
 * of the first, second, third vertex), or -1.
 */
export function intersectCorners(
  corners: Float32Array,
  at: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
): number {
  const ax = corners[at]!,
    ay = corners[at + 1]!,
    az = corners[at + 2]!;
  const e1x = corners[at + 3]! - ax,
    e1y = corners[at + 4]! - ay,
    e1z = corners[at + 5]! - az;
  const e2x = corners[at + 6]! - ax,
    e2y = corners[at + 7]! - ay,
    e2z = corners[at + 8]! - az;
  const px = dy * e2z - dz * e2y,
    py = dz * e2x - dx * e2z,
    pz = dx * e2y - dy * e2x;
  const determinant = e1x * px + e1y * py + e1z * pz;
  if (Math.abs(determinant) < 1e-15) return -1;
  const inverse = 1 / determinant;
  const tx = ox - ax,
    ty = oy - ay,
    tz = oz - az;
  const u = (tx * px + ty * py + tz * pz) * inverse;
  if (u < -1e-9 || u > 1 + 1e-9) return -1;
  const qx = ty * e1z - tz * e1y,
    qy = tz * e1x - tx * e1z,
    qz = tx * e1y - ty * e1x;
  const v = (dx * qx + dy * qy + dz * qz) * inverse;
  if (v < -1e-9 || u + v > 1 + 1e-9) return -1;
  return (e2x * qx + e2y * qy + e2z * qz) * inverse;
}
