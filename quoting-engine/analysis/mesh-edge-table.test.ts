import { describe, expect, it } from "vitest";
import { buildMeshEdgeTable } from "./mesh-edge-table";
import { dropBadTriangles } from "./drop-bad-triangles";
import { measureBody } from "./measure-body";
import { signedVolume, surfaceArea } from "./split-and-orient-bodies";

// A closed tetrahedron, outward: 4 vertices, 6 edges each joining two triangles.
const tetrahedron = [0, 2, 1, 0, 1, 3, 1, 2, 3, 2, 0, 3];
const corners = new Float64Array([0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10]);

describe("buildMeshEdgeTable", () => {
  it("pairs every edge of a closed mesh and finds nothing to repair", () => {
    const table = buildMeshEdgeTable(Uint32Array.from(tetrahedron), 4);
    expect(table.count).toBe(6);
    expect([table.openEdgeCount, table.sharedEdgeCount, table.degenerateCount]).toEqual([0, 0, 0]);
    expect(table.hasCoincidentTriangles).toBe(false);
    for (let halfEdge = 0; halfEdge < 12; halfEdge++) {
      const mate = table.mate[halfEdge]!;
      expect(table.mate[mate]).toBe(halfEdge);
      expect(table.edgeOfHalfEdge[mate]).toBe(table.edgeOfHalfEdge[halfEdge]);
      expect(Math.floor(mate / 3)).not.toBe(Math.floor(halfEdge / 3));
    }
  });

  it.each([
    ["a repeated triangle", [...tetrahedron, 0, 2, 1]],
    ["a coincident triangle facing the other way", [...tetrahedron, 0, 1, 2]],
    ["two copies of a lone triangle", [0, 1, 2, 1, 2, 0]],
    ["a coincident pair, one of its edges shared with a third triangle", [0, 1, 2, 0, 2, 1, 2, 0, 3]],
    ["a coincident pair, two of its edges shared with other triangles", [0, 1, 2, 0, 2, 1, 2, 0, 3, 1, 2, 3]],
  ])("says there is %s, as dropBadTriangles would drop", (_, triangles) => {
    const indices = Uint32Array.from(triangles);
    const table = buildMeshEdgeTable(indices, 4);
    expect(table.hasCoincidentTriangles).toBe(true);
    expect(dropBadTriangles(indices).indices.length).toBeLessThan(indices.length);
  });

  it("counts collapsed triangles, open and shared edges", () => {
    // The tetrahedron without its last face (3 open edges), a collapsed triangle, and a fin on edge 0–1.
    const indices = Uint32Array.from([...tetrahedron.slice(0, 9), 1, 1, 2, 0, 1, 4]);
    const table = buildMeshEdgeTable(indices, 5);
    expect(table.degenerateCount).toBe(1);
    expect(table.edgeOfHalfEdge[9]).toBe(-1);
    expect(table.sharedEdgeCount).toBe(1); // 0–1: three triangles
    expect(table.openEdgeCount).toBe(5); // 2–0, 0–3, 2–3 and the fin's 1–4, 4–0
    expect(table.hasCoincidentTriangles).toBe(false);
    // Edges of more or fewer than two triangles have no mate.
    expect(table.mate[3]).toBe(-1);
  });

  it("gives open and shared edges no mate in the kept working array, whatever the mesh before left there", () => {
    // The kept array is not cleared first (decision 0121): every half-edge's mate is written.
    const closedTwice = Uint32Array.from([...tetrahedron, ...tetrahedron.map((vertex) => vertex + 4)]);
    expect(buildMeshEdgeTable(closedTwice, 8, true).mate.every((mate) => mate >= 0)).toBe(true);
    // The tetrahedron without its last face, a fin on edge 0–1 and a lone triangle: nothing collapsed.
    const open = Uint32Array.from([...tetrahedron.slice(0, 9), 0, 1, 4, 5, 6, 7]);
    const kept = buildMeshEdgeTable(open, 8, true);
    expect([kept.degenerateCount, kept.openEdgeCount, kept.sharedEdgeCount]).toEqual([0, 8, 1]);
    expect(Array.from(kept.mate)).toEqual(Array.from(buildMeshEdgeTable(open, 8).mate));
    expect(Array.from(kept.mate.subarray(9))).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});

describe("measureBody", () => {
  it("gives exactly signedVolume, surfaceArea and the box, and |volume| is the same turned round", () => {
    const indices = Uint32Array.from(tetrahedron);
    const measures = measureBody(corners, indices);
    expect(measures.signedVolumeMm3).toBe(signedVolume(corners, indices));
    expect(measures.signedVolumeMm3).toBeCloseTo(1000 / 6, 9);
    expect(measures.areaMm2).toBe(surfaceArea(corners, indices));
    expect(measures.min).toEqual([0, 0, 0]);
    expect(measures.max).toEqual([10, 10, 10]);
    const turned = Uint32Array.from(
      tetrahedron.map((_, corner) => tetrahedron[corner - (corner % 3) + [0, 2, 1][corner % 3]!]!),
    );
    const turnedMeasures = measureBody(corners, turned);
    expect(turnedMeasures.signedVolumeMm3).toBe(-measures.signedVolumeMm3);
    expect(turnedMeasures.areaMm2).toBe(measures.areaMm2);
  });
});
