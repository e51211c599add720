import { describe, expect, it } from "vitest";
import { edgeMatesFromIds, meshEdgeIds } from "./mesh-edge-ids";
import { boxesMesh } from "./test-meshes";

describe("edge mates from edge ids", () => {
  it("pairs every half-edge of a closed mesh with the other triangle's half-edge on its edge", () => {
    const cube = boxesMesh([[0, 0, 0, 10, 10, 10]]);
    const triangles = cube.indices.length / 3;
    const mates = edgeMatesFromIds(meshEdgeIds(cube.indices, triangles))!;
    expect(mates).toHaveLength(triangles * 3);
    for (let halfEdge = 0; halfEdge < mates.length; halfEdge++) {
      const mate = mates[halfEdge]!;
      expect(mates[mate]).toBe(halfEdge);
      expect(Math.floor(mate / 3)).not.toBe(Math.floor(halfEdge / 3));
      const ends = (h: number) =>
        [cube.indices[h]!, cube.indices[h - (h % 3) + ((h + 1) % 3)]!].sort((a, b) => a - b);
      expect(ends(mate)).toEqual(ends(halfEdge));
    }
  });

  it("gives none for an open mesh, edges of four triangles (a double wall inside, no open edge) or a collapsed triangle", () => {
    const cube = boxesMesh([[0, 0, 0, 10, 10, 10]]);
    const open = cube.indices.subarray(0, cube.indices.length - 3);
    expect(edgeMatesFromIds(meshEdgeIds(open, open.length / 3))).toBeUndefined();
    const wall = Uint32Array.from([...cube.indices, 0, 2, 6, 0, 6, 2]);
    expect(edgeMatesFromIds(meshEdgeIds(wall, wall.length / 3))).toBeUndefined();
    const collapsed = Uint32Array.from([...cube.indices, 0, 0, 0]);
    expect(edgeMatesFromIds(meshEdgeIds(collapsed, collapsed.length / 3))).toBeUndefined();
  });
});
