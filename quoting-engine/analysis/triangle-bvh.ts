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

function buildTree(positions: Float32Array, indices: Uint32Array, centroids: Float64Array): Tree {
  const triangleCount = indices.length / 3;
  const maxNodes = Math.max(1, 2 * Math.ceil(triangleCount / leafSize) * 2);
  const tree: Tree = {
    bounds: new Float64Array(maxNodes * 6),
    left: new Int32Array(maxNodes).fill(-1),
    right: new Int32Array(maxNodes).fill(-1),
    start: new Int32Array(maxNodes),
    count: new Int32Array(maxNodes),
    order: Int32Array.from({ length: triangleCount }, (_, index) => index),
  };
  let nodeCount = 0;
  // Split on centroids only; node boxes are then filled bottom-up, each triangle touched once at a leaf.
  const build = (from: number, to: number): number => {
    const node = nodeCount++;
    if (to - from <= leafSize) {
      tree.start[node] = from;
      tree.count[node] = to - from;
      const box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
      for (let index = from; index < to; index++) {
        const triangle = tree.order[index]!;
        for (let corner = 0; corner < 3; corner++) {
          const vertex = indices[triangle * 3 + corner]! * 3;
          for (let axis = 0; axis < 3; axis++) {
            const value = positions[vertex + axis]!;
            if (value < box[axis]!) box[axis] = value;
            if (value > box[axis + 3]!) box[axis + 3] = value;
          }
        }
      }
      tree.bounds.set(box, node * 6);
      return node;
    }
    let [minX, minY, minZ, maxX, maxY, maxZ] = [
      Infinity,
      Infinity,
      Infinity,
      -Infinity,
      -Infinity,
      -Infinity,
    ];
    for (let index = from; index < to; index++) {
      const base = tree.order[index]! * 3;
      const x = centroids[base]!,
        y = centroids[base + 1]!,
        z = centroids[base + 2]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    const extents = [maxX - minX, maxY - minY, maxZ - minZ];
    const axis = extents.indexOf(Math.max(...extents));
    const split = ([minX, minY, minZ][axis]! + [maxX, maxY, maxZ][axis]!) / 2;
    let low = from;
    let high = to - 1;
    while (low <= high) {
      if (centroids[tree.order[low]! * 3 + axis]! < split) low++;
      else {
        const swap = tree.order[low]!;
        tree.order[low] = tree.order[high]!;
        tree.order[high] = swap;
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

function castRay(
  tree: Tree,
  positions: Float32Array,
  indices: Uint32Array,
  origin: [number, number, number],
  direction: [number, number, number],
  skipTriangle: number,
  maxDistance: number,
): { triangle: number; distance: number } {
  let best = { triangle: -1, distance: maxDistance };
  const inverse = direction.map((value) => 1 / value) as [number, number, number];
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!rayHitsBox(tree.bounds, node, origin, inverse, best.distance)) continue;
    if (tree.left[node] === -1) {
      for (let index = tree.start[node]!; index < tree.start[node]! + tree.count[node]!; index++) {
        const triangle = tree.order[index]!;
        if (triangle === skipTriangle) continue;
        const distance = intersectTriangle(positions, indices, triangle, origin, direction);
        if (distance > 0 && distance < best.distance) best = { triangle, distance };
      }
    } else {
      stack.push(tree.left[node]!, tree.right[node]!);
    }
  }
  return best.triangle < 0 ? { triangle: -1, distance: Infinity } : best;
}

function rayHitsBox(
  bounds: Float64Array,
  node: number,
  origin: number[],
  inverse: number[],
  maxDistance: number,
): boolean {
  let near = 0;
  let far = maxDistance;
  for (let axis = 0; axis < 3; axis++) {
    const t1 = (bounds[node * 6 + axis]! - origin[axis]!) * inverse[axis]!;
    const t2 = (bounds[node * 6 + axis + 3]! - origin[axis]!) * inverse[axis]!;
    near = Math.max(near, Math.min(t1, t2));
    far = Math.min(far, Math.max(t1, t2));
    if (near > far) return false;
  }
  return true;
}

/** Möller–Trumbore: distance along the ray to the triangle, or -1. */
function intersectTriangle(
  positions: Float32Array,
  indices: Uint32Array,
  triangle: number,
  origin: number[],
  direction: number[],
): number {
  const [a, b, c] = [
    indices[triangle * 3]! * 3,
    indices[triangle * 3 + 1]! * 3,
    indices[triangle * 3 + 2]! * 3,
  ];
  const e1 = [
    positions[b]! - positions[a]!,
    positions[b + 1]! - positions[a + 1]!,
    positions[b + 2]! - positions[a + 2]!,
  ];
  const e2 = [
    positions[c]! - positions[a]!,
    positions[c + 1]! - positions[a + 1]!,
    positions[c + 2]! - positions[a + 2]!,
  ];
  const p = [
    direction[1]! * e2[2]! - direction[2]! * e2[1]!,
    direction[2]! * e2[0]! - direction[0]! * e2[2]!,
    direction[0]! * e2[1]! - direction[1]! * e2[0]!,
  ];
  const determinant = e1[0]! * p[0]! + e1[1]! * p[1]! + e1[2]! * p[2]!;
  if (Math.abs(determinant) < 1e-15) return -1;
  const inverse = 1 / determinant;
  const t = [origin[0]! - positions[a]!, origin[1]! - positions[a + 1]!, origin[2]! - positions[a + 2]!];
  const u = (t[0]! * p[0]! + t[1]! * p[1]! + t[2]! * p[2]!) * inverse;
  if (u < -1e-9 || u > 1 + 1e-9) return -1;
  const q = [
    t[1]! * e1[2]! - t[2]! * e1[1]!,
    t[2]! * e1[0]! - t[0]! * e1[2]!,
    t[0]! * e1[1]! - t[1]! * e1[0]!,
  ];
  const v = (direction[0]! * q[0]! + direction[1]! * q[1]! + direction[2]! * q[2]!) * inverse;
  if (v < -1e-9 || u + v > 1 + 1e-9) return -1;
  return (e2[0]! * q[0]! + e2[1]! * q[1]! + e2[2]! * q[2]!) * inverse;
}
