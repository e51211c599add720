import { describe, expect, it } from "vitest";
import { weldTessellationFaces } from "./weld-tessellation-faces";

/** A unit cube as a B-rep kernel meshes it: each of its six faces two triangles on four nodes of its own. */
function cubeOfFaces(offset: number): number[][][] {
  const corner = (x: number, y: number, z: number) => [x + offset, y, z];
  const faces = [
    [corner(0, 0, 0), corner(0, 1, 0), corner(1, 1, 0), corner(1, 0, 0)],
    [corner(0, 0, 1), corner(1, 0, 1), corner(1, 1, 1), corner(0, 1, 1)],
    [corner(0, 0, 0), corner(1, 0, 0), corner(1, 0, 1), corner(0, 0, 1)],
    [corner(0, 1, 0), corner(0, 1, 1), corner(1, 1, 1), corner(1, 1, 0)],
    [corner(0, 0, 0), corner(0, 0, 1), corner(0, 1, 1), corner(0, 1, 0)],
    [corner(1, 0, 0), corner(1, 1, 0), corner(1, 1, 1), corner(1, 0, 1)],
  ];
  return faces;
}

function meshOf(bodies: number[][][][]) {
  const positions: number[] = [];
  const indices: number[] = [];
  const bodyIds: number[] = [];
  bodies.forEach((faces, body) => {
    for (const face of faces) {
      const first = positions.length / 3;
      for (const point of face) positions.push(...point);
      indices.push(first, first + 1, first + 2, first, first + 2, first + 3);
      bodyIds.push(body, body);
    }
  });
  return {
    positions: new Float32Array(positions),
    indices: new Uint32Array(indices),
    bodyIds: new Uint32Array(bodyIds),
  };
}

/** How many triangles use each undirected edge of `indices`. */
function edgeUses(indices: Uint32Array): number[] {
  const uses = new Map<string, number>();
  for (let corner = 0; corner < indices.length; corner++) {
    const a = indices[corner]!;
    const b = indices[corner % 3 === 2 ? corner - 2 : corner + 1]!;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    uses.set(key, (uses.get(key) ?? 0) + 1);
  }
  return [...uses.values()];
}

describe("welding a B-rep tessellation's faces for slicing", () => {
  it("makes a cube of six separately meshed faces one closed mesh of 8 vertices", () => {
    const mesh = meshOf([cubeOfFaces(0)]);
    expect(new Set(mesh.indices).size).toBe(24);
    const welded = weldTessellationFaces(mesh);
    expect(welded).toHaveLength(36);
    expect(new Set(welded).size).toBe(8);
    // Every edge between two triangles, none open: the faces' boundaries are joined.
    expect(edgeUses(welded).every((uses) => uses === 2)).toBe(true);
    // Each corner is a vertex at the same point as before.
    welded.forEach((vertex, corner) => {
      const before = mesh.indices[corner]!;
      for (let axis = 0; axis < 3; axis++)
        expect(mesh.positions[vertex * 3 + axis]).toBe(mesh.positions[before * 3 + axis]);
    });
  });

  it("keeps two bodies that touch apart, and takes −0 as 0", () => {
    // The second cube stands against the first at x = 1: four of its corners are the first's.
    const mesh = meshOf([cubeOfFaces(0), cubeOfFaces(1)]);
    mesh.positions[0] = -0; // a corner of the first cube's bottom face, at x = 0 on the other faces
    const welded = weldTessellationFaces(mesh);
    expect(new Set(welded.subarray(0, 36)).size).toBe(8);
    expect(new Set(welded.subarray(36)).size).toBe(8);
    expect(new Set(welded).size).toBe(16);
    expect(edgeUses(welded).every((uses) => uses === 2)).toBe(true);
  });

  it("leaves out a sliver whose two corners are one point once welded", () => {
    const mesh = meshOf([cubeOfFaces(0)]);
    // A sliver along the cube's bottom edge from (0,0,0) to (1,0,0), on its own copies of both ends.
    const positions = new Float32Array([...mesh.positions, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    const indices = new Uint32Array([...mesh.indices, 24, 25, 26]);
    const welded = weldTessellationFaces({
      positions,
      indices,
      bodyIds: new Uint32Array([...mesh.bodyIds, 0]),
    });
    expect(welded).toHaveLength(36);
    expect(edgeUses(welded).every((uses) => uses === 2)).toBe(true);
  });
});
