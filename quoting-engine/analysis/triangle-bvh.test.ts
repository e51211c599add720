import { describe, expect, it } from "vitest";
import { buildTriangleBvh, leafCount, leafStart, nodeWords } from "./triangle-bvh";

/** A closed UV sphere (radius 10 mm) of `rings` × `segments` quads, two triangles each. */
function sphere(rings: number, segments: number): { positions: Float32Array; indices: Uint32Array } {
  const points: number[] = [];
  for (let ring = 0; ring <= rings; ring++)
    for (let segment = 0; segment < segments; segment++) {
      const theta = (Math.PI * ring) / rings;
      const phi = (2 * Math.PI * segment) / segments;
      points.push(
        10 * Math.sin(theta) * Math.cos(phi),
        10 * Math.sin(theta) * Math.sin(phi),
        10 * Math.cos(theta),
      );
    }
  const indices: number[] = [];
  const at = (ring: number, segment: number) => ring * segments + (segment % segments);
  for (let ring = 0; ring < rings; ring++)
    for (let segment = 0; segment < segments; segment++) {
      indices.push(at(ring, segment), at(ring + 1, segment), at(ring + 1, segment + 1));
      indices.push(at(ring, segment), at(ring + 1, segment + 1), at(ring, segment + 1));
    }
  return { positions: Float32Array.from(points), indices: Uint32Array.from(indices) };
}

/** Every triangle on its own (a one-leaf tree each): the nearest hit beyond `skip` is the least of theirs. */
function bruteForce({ positions, indices }: { positions: Float32Array; indices: Uint32Array }) {
  const single = Array.from({ length: indices.length / 3 }, (_, triangle) =>
    buildTriangleBvh(positions, indices.slice(triangle * 3, triangle * 3 + 3)),
  );
  return (origin: Vector3, direction: Vector3, skip: number) => {
    let best = { triangle: -1, distance: Infinity };
    single.forEach((tree, triangle) => {
      if (triangle === skip) return;
      const hit = tree.castRay(origin, direction);
      if (hit.triangle === 0 && hit.distance < best.distance) best = { triangle, distance: hit.distance };
    });
    return best;
  };
}

type Vector3 = [number, number, number];

describe("the triangle BVH", () => {
  it("finds the nearest triangle a ray hits, as testing every triangle does", () => {
    const mesh = sphere(24, 32);
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices);
    const nearest = bruteForce(mesh);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let ray = 0; ray < 60; ray++) {
      const origin: Vector3 = [random() * 6 - 3, random() * 6 - 3, random() * 6 - 3];
      const direction = [random() - 0.5, random() - 0.5, random() - 0.5];
      const length = Math.hypot(...direction);
      const unit = direction.map((value) => value / length) as Vector3;
      const expected = nearest(origin, unit, ray);
      const hit = bvh.castRay(origin, unit, ray);
      expect(hit.triangle).toBe(expected.triangle);
      expect(hit.distance).toBeCloseTo(expected.distance, 12);
    }
  });

  it("finds the nearest of many triangles stacked along each ray, as testing every triangle does", () => {
    // 1,500 triangles of up to 8 mm scattered through a 20 mm cube: a ray crosses many leaf boxes whose
    // entries are near the best hit so far, where pruning too early or too late shows.
    let seed = 22;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const points: number[] = [];
    for (let triangle = 0; triangle < 1_500; triangle++) {
      const centre = [random() * 20, random() * 20, random() * 20];
      for (let corner = 0; corner < 3; corner++)
        points.push(...centre.map((value) => value + (random() - 0.5) * 8));
    }
    const mesh = {
      positions: Float32Array.from(points),
      indices: Uint32Array.from(points.slice(0, points.length / 3), (_, index) => index),
    };
    const bvh = buildTriangleBvh(mesh.positions, mesh.indices);
    const nearest = bruteForce(mesh);
    let hits = 0;
    for (let ray = 0; ray < 200; ray++) {
      const origin: Vector3 = [random() * 20, random() * 20, random() * 20];
      const direction = [random() - 0.5, random() - 0.5, random() - 0.5];
      const length = Math.hypot(...direction);
      const unit = direction.map((value) => value / length) as Vector3;
      const expected = nearest(origin, unit, -1);
      const hit = bvh.castRay(origin, unit);
      expect(hit.triangle).toBe(expected.triangle);
      if (hit.triangle >= 0) hits++;
    }
    expect(hits).toBeGreaterThan(150);
  });

  it("gives a fresh tree's every hit with its arrays kept from the tree before, larger or smaller", () => {
    // The features' tree keeps its corners, nodes and order in working arrays for the next part
    // (decision 0105): a tree built in arrays another mesh left filled, too long or too short (random
    // centres split unevenly, so the nodes outgrow their first estimate and are copied over), answers
    // as a fresh one.
    let seed = 5;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const scattered = (count: number) => {
      const points = Array.from({ length: count * 9 }, () => random() * 20);
      return {
        positions: Float32Array.from(points),
        indices: Uint32Array.from({ length: count * 3 }, (_, index) => index),
      };
    };
    // Small triangles at x = 20 − 20 / 2^k, then many at x = 20: each split peels one off to the left (a
    // leaf, its box written at once), so a chain of nodes outgrows the first estimate of the node count
    // (two per eight triangles) and what was written is copied over.
    const peeled = (count: number) => {
      const points: number[] = [];
      for (let triangle = 0; triangle < count; triangle++) {
        const x = triangle < 10 ? 20 - 20 / 2 ** triangle : 20;
        points.push(x, 0, 0, x + 0.001, 0, 0, x, 0.001 * (triangle + 1), 20);
      }
      return {
        positions: Float32Array.from(points),
        indices: Uint32Array.from({ length: count * 3 }, (_, index) => index),
      };
    };
    const meshes = [
      peeled(40),
      scattered(300),
      sphere(30, 40),
      peeled(400),
      scattered(4_000),
      sphere(12, 16),
    ];
    for (const mesh of meshes) {
      const kept = buildTriangleBvh(mesh.positions, mesh.indices, undefined, true);
      const fresh = buildTriangleBvh(mesh.positions, mesh.indices);
      expect(Array.from(kept.triangleOrder)).toEqual(Array.from(fresh.triangleOrder));
      // A ray at each triangle's centre from 5 mm away (and so through its leaf's box), for up to 150.
      for (let triangle = 0; triangle < Math.min(150, mesh.indices.length / 3); triangle++) {
        const centre = [0, 1, 2].map(
          (axis) =>
            [0, 1, 2].reduce(
              (sum, corner) => sum + mesh.positions[mesh.indices[triangle * 3 + corner]! * 3 + axis]!,
              0,
            ) / 3,
        );
        const direction = [random() - 0.5, random() - 0.5, random() - 0.5];
        const length = Math.hypot(...direction);
        const unit = direction.map((value) => value / length) as Vector3;
        const origin = centre.map((value, axis) => value - 5 * unit[axis]!) as Vector3;
        const hit = fresh.castRay(origin, unit);
        expect(hit.triangle).toBeGreaterThanOrEqual(0);
        expect(kept.castRay(origin, unit)).toEqual(hit);
      }
    }
  });

  it("does not lose a hit just outside a triangle's edge, which the triangle test accepts, at its box", () => {
    // One triangle in z = 0 from x = 0; the ray comes down at x = -1e-10, inside the test's 1e-9 margin.
    const positions = Float32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0]);
    const indices = Uint32Array.from([0, 1, 2]);
    const hit = buildTriangleBvh(positions, indices).castRay([-1e-10, 0.25, 1], [0, 0, -1]);
    expect(hit.triangle).toBe(0);
    expect(hit.distance).toBeCloseTo(1, 12);
  });

  it("answers a ray through the edge two triangles share with the lower-numbered one", () => {
    // Two triangles sharing the edge x = y; listed in either order, the hit on the edge is triangle 0.
    const positions = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
    for (const indices of [Uint32Array.from([0, 1, 2, 0, 2, 3]), Uint32Array.from([0, 2, 3, 0, 1, 2])]) {
      const hit = buildTriangleBvh(positions, indices).castRay([0.5, 0.5, 1], [0, 0, -1]);
      expect(hit.triangle).toBe(0);
    }
  });

  it("stores every box no smaller than its triangles' box plus the margin, though in float32", () => {
    // Corners at arbitrary float32 values: the margin moved to float32 would round inwards about half
    // the time if rounded to nearest; the tree rounds lower sides down and upper sides up.
    let seed = 5;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const positions = Float32Array.from(
      { length: 3_000 * 9 },
      () => (random() - 0.5) * 10 ** (random() * 6 - 2),
    );
    const indices = Uint32Array.from({ length: 3_000 * 3 }, (_, index) => index);
    const { boxes, links, order, rootBox, root } = buildTriangleBvh(positions, indices).arrays.tree;
    const margin = (value: number) => 1e-6 * Math.abs(value) + 1e-6;
    let inwards = 0;
    // Depth first from the root: a box holds its leaf's triangles, or its children's boxes.
    const expectHolds = (ref: number, stored: Float32Array, at: number): number[] => {
      let box: number[];
      if (ref < 0) {
        box = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
        for (let index = leafStart(ref); index < leafStart(ref) + leafCount(ref); index++)
          for (let corner = 0; corner < 3; corner++)
            for (let axis = 0; axis < 3; axis++) {
              const value = positions[indices[order[index]! * 3 + corner]! * 3 + axis]!;
              box[axis] = Math.min(box[axis]!, value);
              box[axis + 3] = Math.max(box[axis + 3]!, value);
            }
        box = box.map((value, side) => (side < 3 ? value - margin(value) : value + margin(value)));
        inwards += box.filter(
          (value, side) => Math.fround(value) !== value && side < 3 === Math.fround(value) > value,
        ).length;
      } else {
        const base = ref * nodeWords;
        const left = expectHolds(links[base + 12]!, boxes, base);
        const right = expectHolds(links[base + 13]!, boxes, base + 6);
        box = left.map((value, side) =>
          side < 3 ? Math.min(value, right[side]!) : Math.max(value, right[side]!),
        );
      }
      for (let axis = 0; axis < 3; axis++) {
        expect(stored[at + axis]!).toBeLessThanOrEqual(box[axis]!);
        expect(stored[at + axis + 3]!).toBeGreaterThanOrEqual(box[axis + 3]!);
      }
      return box;
    };
    expectHolds(root, rootBox, 0);
    // Rounding to nearest would have moved many sides inwards: the test would see them.
    expect(inwards).toBeGreaterThan(100);
  });
});
