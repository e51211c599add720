import type { BoundingBox } from "./analyze-model";

export interface ClosedShell {
  positions: Float64Array;
  indices: Uint32Array;
  bbox: BoundingBox;
}

/** A ray direction no axis-aligned face or edge lies along. */
const direction = [0.5773, 0.5779, 0.5767] as const;

/**
 * For each closed shell, the index of the shell it lies inside (an empty space sealed in that body:
 * a void, which a mesh file stores as a separate shell), or -1. A shell is inside another when its box
 * is and a ray from one of its corners crosses the other an odd number of times. Only shells nested
 * once count as voids; a body inside a void is a body again.
 */
export function findEnclosedBodies(shells: ClosedShell[]): number[] {
  const container = shells.map(() => -1);
  const depth = shells.map(() => 0);
  shells.forEach((inner, innerIndex) => {
    // A corner of the shell itself: shells of one file share one vertex array.
    const corner = inner.indices[0]! * 3;
    const start = [inner.positions[corner]!, inner.positions[corner + 1]!, inner.positions[corner + 2]!];
    let smallest = -1;
    shells.forEach((outer, outerIndex) => {
      if (outerIndex === innerIndex || !boxInside(inner.bbox, outer.bbox)) return;
      if (crossings(outer, start) % 2 === 0) return;
      depth[innerIndex]!++;
      if (smallest < 0 || volumeOf(outer.bbox) < volumeOf(shells[smallest]!.bbox)) smallest = outerIndex;
    });
    if (depth[innerIndex]! % 2 === 1) container[innerIndex] = smallest;
  });
  return container;
}

function boxInside(inner: BoundingBox, outer: BoundingBox): boolean {
  return [0, 1, 2].every(
    (axis) => inner.min[axis]! > outer.min[axis]! && inner.max[axis]! < outer.max[axis]!,
  );
}

function volumeOf(box: BoundingBox): number {
  return [0, 1, 2].reduce((product, axis) => product * (box.max[axis]! - box.min[axis]!), 1);
}

/** Möller–Trumbore against every triangle: shells nest rarely, so no acceleration structure. */
function crossings(shell: ClosedShell, origin: number[]): number {
  const { positions, indices } = shell;
  let count = 0;
  for (let triangle = 0; triangle < indices.length / 3; triangle++) {
    const a = indices[triangle * 3]! * 3;
    const b = indices[triangle * 3 + 1]! * 3;
    const c = indices[triangle * 3 + 2]! * 3;
    const e1 = [0, 1, 2].map((axis) => positions[b + axis]! - positions[a + axis]!);
    const e2 = [0, 1, 2].map((axis) => positions[c + axis]! - positions[a + axis]!);
    const p = [
      direction[1] * e2[2]! - direction[2] * e2[1]!,
      direction[2] * e2[0]! - direction[0] * e2[2]!,
      direction[0] * e2[1]! - direction[1] * e2[0]!,
    ];
    const determinant = e1[0]! * p[0]! + e1[1]! * p[1]! + e1[2]! * p[2]!;
    if (Math.abs(determinant) < 1e-18) continue;
    const t = [0, 1, 2].map((axis) => origin[axis]! - positions[a + axis]!);
    const u = (t[0]! * p[0]! + t[1]! * p[1]! + t[2]! * p[2]!) / determinant;
    if (u < 0 || u > 1) continue;
    const q = [
      t[1]! * e1[2]! - t[2]! * e1[1]!,
      t[2]! * e1[0]! - t[0]! * e1[2]!,
      t[0]! * e1[1]! - t[1]! * e1[0]!,
    ];
    const v = (direction[0] * q[0]! + direction[1] * q[1]! + direction[2] * q[2]!) / determinant;
    if (v < 0 || u + v > 1) continue;
    if ((e2[0]! * q[0]! + e2[1]! * q[1]! + e2[2]! * q[2]!) / determinant > 0) count++;
  }
  return count;
}
