import { measureTriangles } from "./measure-triangles";
import { mortonOrder } from "./morton-order";

/**
 * A bounding-volume hierarchy over a triangle mesh, for ray casting in about log n per ray: wall
 * thickness and tool access both cast tens of thousands of rays.
 */
export interface TriangleBvh {
  /** The tree and the mesh it was built over, for other queries (any-hit in triangle-bvh-any-hit.ts). */
  readonly arrays: { tree: TriangleBvhTree; positions: Float32Array; indices: Uint32Array };
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
): TriangleBvh {
  const tree = buildTree(positions, indices, centroids);
  return {
    arrays: { tree, positions, indices },
    castRay: (origin, direction, skipTriangle = -1, maxDistance = Infinity) =>
      castRay(tree, positions, indices, origin, direction, skipTriangle, maxDistance),
    triangleOrder: tree.order,
  };
}

/** The tree's arrays, as queries in other files read them. */
export type TriangleBvhTree = Tree;
interface Tree {
  /** Per node: min xyz, max xyz. */
  bounds: Float64Array;
  /** Per node: left child index, or -1 for a leaf. */
  left: Int32Array;
  right: Int32Array;
  /** Per leaf: start and count into `order`. */
  start: Int32Array;
  count: Int32Array;
  order: Int32Array;
}

function growTree(tree: Tree): void {
  const grow = (array: Int32Array, fill: number): Int32Array => {
    const larger = new Int32Array(array.length * 2).fill(fill);
    larger.set(array);
    return larger;
  };
  const bounds = new Float64Array(tree.bounds.length * 2);
  bounds.set(tree.bounds);
  tree.bounds = bounds;
  tree.left = grow(tree.left, -1);
  tree.right = grow(tree.right, -1);
  tree.start = grow(tree.start, 0);
  tree.count = grow(tree.count, 0);
}

/**
 * A linear BVH: triangles sorted by the Morton code of their centre (10 bits per axis over the centres'
 * box, radix-sorted), each node split where its range's codes first differ in their highest bit, that
 * is at the middle of its longest side of the code grid. Two linear passes and a sort instead of a
 * partition of every level; node boxes are filled bottom-up, each triangle touched once at a leaf.
 */
function buildTree(positions: Float32Array, indices: Uint32Array, centroids: Float64Array): Tree {
  const triangleCount = indices.length / 3;
  const maxNodes = Math.max(1, 2 * Math.ceil(triangleCount / leafSize) * 2);
  const tree: Tree = {
    bounds: new Float64Array(maxNodes * 6),
    left: new Int32Array(maxNodes).fill(-1),
    right: new Int32Array(maxNodes).fill(-1),
    start: new Int32Array(maxNodes),
    count: new Int32Array(maxNodes),
    order: new Int32Array(triangleCount),
  };
  const { codes, order } = mortonOrder(centroids, triangleCount);
  tree.order = order;
  let nodeCount = 0;
  const build = (from: number, to: number): number => {
    // Ranges split unevenly (clustered centres) can need more nodes than estimated.
    if (nodeCount === tree.left.length) growTree(tree);
    const node = nodeCount++;
    if (to - from <= leafSize) {
      tree.start[node] = from;
      tree.count[node] = to - from;
      // The box in six locals, not an array per leaf (a million-triangle mesh has 125,000 leaves).
      let minX = Infinity,
        minY = Infinity,
        minZ = Infinity,
        maxX = -Infinity,
        maxY = -Infinity,
        maxZ = -Infinity;
      for (let index = from; index < to; index++) {
        const corners = order[index]! * 3;
        for (let corner = corners; corner < corners + 3; corner++) {
          const vertex = indices[corner]! * 3;
          const x = positions[vertex]!,
            y = positions[vertex + 1]!,
            z = positions[vertex + 2]!;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
          if (z < minZ) minZ = z;
          if (z > maxZ) maxZ = z;
        }
      }
      // Grown by a hair: the triangle test accepts hits a billionth of an edge outside the triangle,
      // and a ray grazing the box must not miss them (else the hit would depend on the tree's shape).
      const bounds = tree.bounds;
      const base = node * 6;
      bounds[base] = minX - leafMarginMm(minX);
      bounds[base + 1] = minY - leafMarginMm(minY);
      bounds[base + 2] = minZ - leafMarginMm(minZ);
      bounds[base + 3] = maxX + leafMarginMm(maxX);
      bounds[base + 4] = maxY + leafMarginMm(maxY);
      bounds[base + 5] = maxZ + leafMarginMm(maxZ);
      return node;
    }
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
    const left = build(from, middle);
    const right = build(middle, to);
    tree.left[node] = left;
    tree.right[node] = right;
    const bounds = tree.bounds;
    for (let axis = 0; axis < 3; axis++) {
      bounds[node * 6 + axis] = Math.min(bounds[left * 6 + axis]!, bounds[right * 6 + axis]!);
      bounds[node * 6 + axis + 3] = Math.max(bounds[left * 6 + axis + 3]!, bounds[right * 6 + axis + 3]!);
    }
    return node;
  };
  build(0, triangleCount);
  return tree;
}

function castRay(
  tree: Tree,
  positions: Float32Array,
  indices: Uint32Array,
  origin: [number, number, number],
  direction: [number, number, number],
  skipTriangle: number,
  maxDistance: number,
): { triangle: number; distance: number } {
  // Scalars and one reused stack: wall thickness casts hundreds of thousands of rays per part.
  let bestTriangle = -1;
  let bestDistance = maxDistance;
  const [ox, oy, oz] = origin;
  const [dx, dy, dz] = direction;
  const ix = 1 / dx,
    iy = 1 / dy,
    iz = 1 / dz;
  const { bounds, left, right, start, count, order } = tree;
  // Each pushed node with the distance where the ray enters its box, measured once when its parent was
  // opened: a node is skipped when a hit nearer than its entry has been found since.
  let nodes = traversalNodes;
  let entries = traversalEntries;
  let top = 0;
  const rootEntry = boxEntry(bounds, 0, ox, oy, oz, ix, iy, iz, bestDistance);
  if (rootEntry >= 0) {
    nodes[0] = 0;
    entries[0] = rootEntry;
    top = 1;
  }
  while (top > 0) {
    top--;
    if (entries[top]! > bestDistance) continue;
    const node = nodes[top]!;
    const leftChild = left[node]!;
    if (leftChild === -1) {
      const end = start[node]! + count[node]!;
      for (let index = start[node]!; index < end; index++) {
        const triangle = order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectTriangle(positions, indices, triangle, ox, oy, oz, dx, dy, dz);
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
    const rightChild = right[node]!;
    const leftEntry = boxEntry(bounds, leftChild, ox, oy, oz, ix, iy, iz, bestDistance);
    const rightEntry = boxEntry(bounds, rightChild, ox, oy, oz, ix, iy, iz, bestDistance);
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
  return bestTriangle < 0
    ? { triangle: -1, distance: Infinity }
    : { triangle: bestTriangle, distance: bestDistance };
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

/** Where the ray enters the node's box (0 when it starts inside), or -1 when it misses within maxDistance. */
export function boxEntry(
  bounds: Float64Array,
  node: number,
  ox: number,
  oy: number,
  oz: number,
  ix: number,
  iy: number,
  iz: number,
  maxDistance: number,
): number {
  const base = node * 6;
  let t1 = (bounds[base]! - ox) * ix;
  let t2 = (bounds[base + 3]! - ox) * ix;
  let near = Math.max(0, Math.min(t1, t2));
  let far = Math.min(maxDistance, Math.max(t1, t2));
  t1 = (bounds[base + 1]! - oy) * iy;
  t2 = (bounds[base + 4]! - oy) * iy;
  near = Math.max(near, Math.min(t1, t2));
  far = Math.min(far, Math.max(t1, t2));
  t1 = (bounds[base + 2]! - oz) * iz;
  t2 = (bounds[base + 5]! - oz) * iz;
  near = Math.max(near, Math.min(t1, t2));
  far = Math.min(far, Math.max(t1, t2));
  return near > far ? -1 : near;
}

/** Möller–Trumbore: distance along the ray to the triangle, or -1. */
export function intersectTriangle(
  positions: Float32Array,
  indices: Uint32Array,
  triangle: number,
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
): number {
  const a = indices[triangle * 3]! * 3,
    b = indices[triangle * 3 + 1]! * 3,
    c = indices[triangle * 3 + 2]! * 3;
  const ax = positions[a]!,
    ay = positions[a + 1]!,
    az = positions[a + 2]!;
  const e1x = positions[b]! - ax,
    e1y = positions[b + 1]! - ay,
    e1z = positions[b + 2]! - az;
  const e2x = positions[c]! - ax,
    e2y = positions[c + 1]! - ay,
    e2z = positions[c + 2]! - az;
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
