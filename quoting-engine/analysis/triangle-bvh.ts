import { measureTriangles } from "./measure-triangles";

/**
 * A bounding-volume hierarchy over a triangle mesh, for ray casting in about log n per ray: wall
 * thickness and tool access both cast tens of thousands of rays.
 */
export interface TriangleBvh {
  /** Nearest triangle the ray hits beyond `skipTriangle`, within `maxDistance`; triangle -1 for none. */
  castRay(
    origin: [number, number, number],
    direction: [number, number, number],
    skipTriangle?: number,
    maxDistance?: number,
  ): { triangle: number; distance: number };
}

const leafSize = 8;

export function buildTriangleBvh(
  positions: Float32Array,
  indices: Uint32Array,
  centroids: Float64Array = measureTriangles(positions, indices).centroids,
): TriangleBvh {
  const tree = buildTree(positions, indices, centroids);
  return {
    castRay: (origin, direction, skipTriangle = -1, maxDistance = Infinity) =>
      castRay(tree, positions, indices, origin, direction, skipTriangle, maxDistance),
  };
}

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
  // Never regrown (growTree replaces the node arrays only), so read through a local.
  const order = tree.order;
  for (let index = 0; index < triangleCount; index++) order[index] = index;
  // Centroids kept in the same order as `order` and swapped with it, so every pass over a node's range
  // reads them in sequence instead of at random (the same splits and the same tree as reading through
  // `order`, in a fraction of the cache misses).
  const centroidX = new Float64Array(triangleCount);
  const centroidY = new Float64Array(triangleCount);
  const centroidZ = new Float64Array(triangleCount);
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    centroidX[triangle] = centroids[triangle * 3]!;
    centroidY[triangle] = centroids[triangle * 3 + 1]!;
    centroidZ[triangle] = centroids[triangle * 3 + 2]!;
  }
  let nodeCount = 0;
  // Split on centroids only; node boxes are then filled bottom-up, each triangle touched once at a leaf.
  const build = (from: number, to: number): number => {
    // Midpoint splits of clustered centroids (a long bend's slivers) can need more nodes than estimated.
    if (nodeCount === tree.left.length) growTree(tree);
    const node = nodeCount++;
    if (to - from <= leafSize) {
      tree.start[node] = from;
      tree.count[node] = to - from;
      // Scalars, not a box array per leaf (a million-triangle mesh has 125,000 leaves), kept in locals
      // until the leaf is done rather than read and written in the node array for every corner.
      let minX = Infinity,
        minY = Infinity,
        minZ = Infinity,
        maxX = -Infinity,
        maxY = -Infinity,
        maxZ = -Infinity;
      for (let index = from; index < to; index++) {
        const triangle = order[index]!;
        for (let corner = 0; corner < 3; corner++) {
          const vertex = indices[triangle * 3 + corner]! * 3;
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
      const bounds = tree.bounds;
      bounds[node * 6] = minX;
      bounds[node * 6 + 1] = minY;
      bounds[node * 6 + 2] = minZ;
      bounds[node * 6 + 3] = maxX;
      bounds[node * 6 + 4] = maxY;
      bounds[node * 6 + 5] = maxZ;
      return node;
    }
    let minX = Infinity,
      minY = Infinity,
      minZ = Infinity,
      maxX = -Infinity,
      maxY = -Infinity,
      maxZ = -Infinity;
    for (let index = from; index < to; index++) {
      const x = centroidX[index]!,
        y = centroidY[index]!,
        z = centroidZ[index]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    // The longest extent's axis (the first on a tie), split at its middle.
    const extentX = maxX - minX,
      extentY = maxY - minY,
      extentZ = maxZ - minZ;
    const axis = extentX >= extentY && extentX >= extentZ ? 0 : extentY >= extentZ ? 1 : 2;
    const split = axis === 0 ? (minX + maxX) / 2 : axis === 1 ? (minY + maxY) / 2 : (minZ + maxZ) / 2;
    const key = axis === 0 ? centroidX : axis === 1 ? centroidY : centroidZ;
    // One swap per array type: a shared swap(Int32Array | Float64Array) helper was polymorphic and
    // took most of the build's time.
    let low = from;
    let high = to - 1;
    while (low <= high) {
      if (key[low]! < split) low++;
      else {
        swapInt32(order, low, high);
        swapFloat64(centroidX, low, high);
        swapFloat64(centroidY, low, high);
        swapFloat64(centroidZ, low, high);
        high--;
      }
    }
    const middle = low === from || low === to ? (from + to) >> 1 : low;
    const left = build(from, middle);
    const right = build(middle, to);
    tree.left[node] = left;
    tree.right[node] = right;
    for (let axisIndex = 0; axisIndex < 3; axisIndex++) {
      tree.bounds[node * 6 + axisIndex] = Math.min(
        tree.bounds[left * 6 + axisIndex]!,
        tree.bounds[right * 6 + axisIndex]!,
      );
      tree.bounds[node * 6 + axisIndex + 3] = Math.max(
        tree.bounds[left * 6 + axisIndex + 3]!,
        tree.bounds[right * 6 + axisIndex + 3]!,
      );
    }
    return node;
  };
  build(0, triangleCount);
  return tree;
}

function swapInt32(array: Int32Array, first: number, second: number): void {
  const value = array[first]!;
  array[first] = array[second]!;
  array[second] = value;
}

function swapFloat64(array: Float64Array, first: number, second: number): void {
  const value = array[first]!;
  array[first] = array[second]!;
  array[second] = value;
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
  const stack = traversalStack;
  let top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const node = stack[--top]!;
    const entry = boxEntry(bounds, node, ox, oy, oz, ix, iy, iz, bestDistance);
    if (entry < 0) continue;
    if (left[node] === -1) {
      const end = start[node]! + count[node]!;
      for (let index = start[node]!; index < end; index++) {
        const triangle = order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectTriangle(positions, indices, triangle, ox, oy, oz, dx, dy, dz);
        if (distance > 0 && distance < bestDistance) {
          bestDistance = distance;
          bestTriangle = triangle;
        }
      }
    } else {
      if (top + 2 > stack.length) growStack();
      // Nearer child last, so it is searched first and shortens the far child's search.
      const nearLeft =
        boxEntry(bounds, left[node]!, ox, oy, oz, ix, iy, iz, bestDistance) <=
        boxEntry(bounds, right[node]!, ox, oy, oz, ix, iy, iz, bestDistance);
      traversalStack[top++] = nearLeft ? right[node]! : left[node]!;
      traversalStack[top++] = nearLeft ? left[node]! : right[node]!;
    }
  }
  return bestTriangle < 0
    ? { triangle: -1, distance: Infinity }
    : { triangle: bestTriangle, distance: bestDistance };
}

let traversalStack = new Int32Array(256);
function growStack(): void {
  const larger = new Int32Array(traversalStack.length * 2);
  larger.set(traversalStack);
  traversalStack = larger;
}

/** Where the ray enters the node's box (0 when it starts inside), or -1 when it misses within maxDistance. */
function boxEntry(
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
function intersectTriangle(
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
