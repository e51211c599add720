import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadIgesKernel } from "../io/cad-kernel";
import { boxesMesh, prismMesh } from "../printing/test-meshes";
import { analyzeFile, type AnalysisReport } from "./analyze-file";
import { segmentMesh } from "./segment-mesh";

function reportOf(name: string): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}

describe("segmenting a mesh into planes and cylinders", () => {
  beforeAll(() => loadIgesKernel(), 60_000);

  it("gives an IGES cube, whose faces carry no surface types, six fitted planes of stock", () => {
    const report = reportOf("occt_cube10x10.igs");
    expect(report.faces.map((face) => face.type)).toEqual(Array(6).fill("plane"));
    expect(report.features.faceFamilies).toEqual(Array(6).fill("stock"));
  });

  it("fits the plate STL's seven planes and five hole walls, with exact diameters, one face id per triangle", () => {
    const report = reportOf("synth_plate_4thru_1blind_binary.stl");
    const cylinders = report.faces.filter((face) => face.type === "cylinder");
    expect(report.faces.filter((face) => face.type === "plane")).toHaveLength(7);
    expect(cylinders.map((face) => 2 * face.radiusMm!).sort()).toEqual([
      expect.closeTo(6.6, 3),
      expect.closeTo(6.6, 3),
      expect.closeTo(6.6, 3),
      expect.closeTo(6.6, 3),
      expect.closeTo(8, 3),
    ]);
    for (const cylinder of cylinders) expect(cylinder.axis).toEqual([0, 0, 1]);
    expect(report.features.faceFamilies.filter((family) => family === "hole")).toHaveLength(6); // 5 walls, 1 floor
  });

  it("keeps a cube's two-triangle sides as six planes, not cylinders", () => {
    const report = reportOf("synth_cube20_ascii.stl");
    expect(report.faces.map((face) => face.type)).toEqual(Array(6).fill("plane"));
    expect(report.features.faceFamilies).toEqual(Array(6).fill("stock"));
  });

  it("finds a cylinder in a 3MF mesh and calls it turnable about its axis", () => {
    const report = reportOf("3mfc_cylinder.3mf");
    expect(report.faces.some((face) => face.type === "cylinder")).toBe(true);
    expect(report.features.turnable).toBe(true);
    expect(report.features.stock.kind).toBe("bar");
  });

  it("leaves a faceted sphere-like surface as free-form, not as hundreds of planes", () => {
    const report = reportOf("o3dv_icosahedron.obj");
    // Twenty flat triangles meeting at 41.8°: real planes, since the bend is not smooth.
    expect(report.faces).toHaveLength(20);
    expect(report.features.holes).toEqual([]);
  });

  it("welds a display mesh whose vertices coincide, and takes one whose vertices all differ as it is", () => {
    const cube = boxesMesh([[0, 0, 0, 20, 20, 20]]);
    const meshOf = (positions: Float64Array, indices: Uint32Array) => ({
      originMm: [0, 0, 0] as [number, number, number],
      positions: Float32Array.from(positions),
      indices,
      faceIds: new Int32Array(indices.length / 3),
      bodyIds: new Uint32Array(indices.length / 3),
    });
    const distinct = meshOf(cube.positions, cube.indices);
    expect(segmentMesh(distinct).map((face) => face.type)).toEqual(Array(6).fill("plane"));
    // The bottom's second triangle takes a copy of vertex 0: the bottom is one plane only once welded.
    const indices = Uint32Array.from(cube.indices);
    indices[3] = 8;
    const copied = meshOf(Float64Array.from([...cube.positions, 0, 0, 0]), indices);
    const faces = segmentMesh(copied);
    expect(faces.map((face) => face.type)).toEqual(Array(6).fill("plane"));
    expect(copied.faceIds[0]).toBe(copied.faceIds[1]);
  });

  it("keeps a rounded edge's facets one cylinder, apart from the large planes they bend smoothly into", () => {
    // A 40 × 20 mm profile with one corner rounded (radius 5 mm, 8 facets of 11.25°), 30 mm deep: the
    // fillet's two-triangle facets are bands; the top and the side they bend into at 11.25° are planes
    // (four triangles each, with a point halfway along: a plane of two would be a band too).
    const arc = Array.from({ length: 9 }, (_, step): [number, number] => {
      const angle = (step / 8) * (Math.PI / 2);
      return [35 + 5 * Math.cos(angle), 15 + 5 * Math.sin(angle)];
    });
    const prism = prismMesh([[0, 0], [40, 0], [40, 7.5], ...arc, [17.5, 20], [0, 20]], 30);
    const triangleCount = prism.indices.length / 3;
    const mesh = {
      originMm: [0, 0, 0] as [number, number, number],
      positions: Float32Array.from(prism.positions),
      indices: prism.indices,
      faceIds: new Int32Array(triangleCount),
      bodyIds: new Uint32Array(triangleCount),
    };
    const faces = segmentMesh(mesh);
    expect(faces.map((face) => face.type).sort()).toEqual([...Array(6).fill("plane"), "cylinder"].sort());
    const fillet = faces.find((face) => face.type === "cylinder")!;
    expect(fillet.radiusMm).toBeCloseTo(5, 6);
    expect(fillet.areaMm2).toBeCloseTo(8 * 30 * 2 * 5 * Math.sin(Math.PI / 32), 3);
    expect(mesh.faceIds.filter((id) => id === fillet.id)).toHaveLength(16);
  });

  it("fits a cylinder of 200,000 vertices, a finely tessellated tube, to its radius", () => {
    // A capped tube, radius 10 mm and 50 mm long, 2,000 facets round and 100 along: one smooth region.
    const around = 2000;
    const along = 100;
    const positions = new Float32Array((around * (along + 1) + 2) * 3);
    for (let ring = 0; ring <= along; ring++)
      for (let step = 0; step < around; step++) {
        const angle = (2 * Math.PI * step) / around;
        positions.set([10 * Math.cos(angle), 10 * Math.sin(angle), ring / 2], (ring * around + step) * 3);
      }
    const bottom = around * (along + 1);
    positions.set([0, 0, 0, 0, 0, along / 2], bottom * 3);
    const at = (ring: number, step: number) => ring * around + (step % around);
    const indices: number[] = [];
    for (let ring = 0; ring < along; ring++)
      for (let step = 0; step < around; step++) {
        indices.push(at(ring, step), at(ring, step + 1), at(ring + 1, step + 1));
        indices.push(at(ring, step), at(ring + 1, step + 1), at(ring + 1, step));
      }
    for (let step = 0; step < around; step++) {
      indices.push(bottom, at(0, step + 1), at(0, step));
      indices.push(bottom + 1, at(along, step), at(along, step + 1));
    }
    const triangleCount = indices.length / 3;
    const mesh = {
      originMm: [0, 0, 0] as [number, number, number],
      positions,
      indices: Uint32Array.from(indices),
      faceIds: new Int32Array(triangleCount),
      bodyIds: new Uint32Array(triangleCount),
    };
    const faces = segmentMesh(mesh);
    expect(faces.map((face) => face.type).sort()).toEqual(["cylinder", "plane", "plane"]);
    const wall = faces.find((face) => face.type === "cylinder")!;
    expect(wall.radiusMm).toBeCloseTo(10, 3);
    expect(wall.axis).toEqual([0, 0, 1]);
    expect(mesh.faceIds[0]).toBe(wall.id);
  });
});
