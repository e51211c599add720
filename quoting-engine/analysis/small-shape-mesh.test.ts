import { describe, expect, it } from "vitest";
import { chooseBuildOrientations } from "../printing/choose-build-orientation";
import { closedMeshMates } from "./closed-mesh-mates";
import { measureTriangles } from "./measure-triangles";
import { segmentMesh } from "./segment-mesh";
import { smallShapeMesh } from "./small-shape-mesh";

describe("the small mesh segmenting and orientation warm up on", () => {
  it("has every kind of region: a free-form torus of bands, a cylinder of bands and two planes", () => {
    const mesh = smallShapeMesh();
    const triangles = measureTriangles(mesh.positions, mesh.indices);
    // Both ways the warm-up runs it: neighbours from welding, and from the closed mesh's edge mates.
    const welded = segmentMesh(mesh, triangles).map((face) => face.type);
    triangles.edgeMates = closedMeshMates(mesh.indices, mesh.positions.length / 3);
    expect(triangles.edgeMates).toBeDefined();
    const mated = segmentMesh(mesh, triangles);
    expect(mated.map((face) => face.type)).toEqual(welded);
    expect([...welded].sort()).toEqual(["cylinder", "other", "plane", "plane"]);
    expect(mated.find((face) => face.type === "cylinder")!.radiusMm).toBeCloseTo(6, 6);
    // Every triangle is in one of the four regions.
    expect(new Set(mesh.faceIds)).toEqual(new Set(mated.map((face) => face.id)));
  });

  it("needs support in every orientation, so the overhang measures run on it", () => {
    const chosen = chooseBuildOrientations(smallShapeMesh());
    expect(chosen.fdm.supportAreaMm2).toBeGreaterThan(0);
    expect(chosen.fdm.overhangTriangles).toBeGreaterThan(0);
  });
});
