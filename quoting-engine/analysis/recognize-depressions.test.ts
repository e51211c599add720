import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { boxesStl } from "../../tests/fixtures/box-stl";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile, type AnalysisReport } from "./analyze-file";

function reportOf(name: string): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}
const featuresOf = (name: string) => reportOf(name).features;

describe("pockets, slots, steps, passages and chamfers", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("finds a sharp-cornered 30 × 20 pocket and a R5-cornered 20 × 20 pocket, both 8 deep from +Z", () => {
    const { pockets } = featuresOf("synth_block_2pockets_bottomslot.step");
    expect(pockets).toEqual([
      expect.objectContaining({
        lengthMm: 30,
        widthMm: 20,
        depthMm: 8,
        minCornerRadiusMm: 0,
        axis: [0, 0, 1],
      }),
      expect.objectContaining({
        lengthMm: 20,
        widthMm: 20,
        depthMm: 8,
        minCornerRadiusMm: 5,
        axis: [0, 0, 1],
      }),
    ]);
    expect(pockets[1]!.faces).toHaveLength(9); // four walls, four corner blends, the floor
  });

  it("finds no pocket, slot or step in a plain cube, whose faces are all stock", () => {
    const features = featuresOf("synth_cube20.step");
    expect(features).toMatchObject({ pockets: [], slots: [], steps: [], passages: [], chamfers: [] });
    expect(features.faceFamilies).toEqual(Array(6).fill("stock"));
  });

  it("finds the 10 wide, 5 deep through slot under the block", () => {
    expect(featuresOf("synth_block_2pockets_bottomslot.step").slots).toEqual([
      expect.objectContaining({ widthMm: 10, depthMm: 5, lengthMm: 80, through: true, axis: [0, 0, -1] }),
    ]);
  });

  it("reads a T-slot as one through slot 8 wide (its neck) and 16 deep", () => {
    const { slots } = featuresOf("synth_tslot_undercut.step");
    expect(slots).toEqual([
      expect.objectContaining({ widthMm: 8, depthMm: 16, lengthMm: 60, through: true, axis: [0, 0, 1] }),
    ]);
    expect(slots[0]!.faces).toHaveLength(7);
  });

  it("finds a V-shaped through slot and a blind slot in an MFCAD part, and no slot in the plate", () => {
    const { slots } = featuresOf("mfcad_4-7-9-10-12-23.step");
    expect(slots.map((slot) => ({ through: slot.through, faces: slot.faces.length }))).toEqual([
      { through: true, faces: 2 },
      { through: false, faces: 4 },
    ]);
    expect(featuresOf("synth_plate_4thru_1blind.step").slots).toEqual([]);
  });

  it("finds steps, through and blind, and none in the pocketed block", () => {
    const { steps } = featuresOf("mfcad_0-1-6-8-13-23.step");
    expect(steps).toHaveLength(3);
    expect(steps.filter((step) => step.through)).toEqual([
      expect.objectContaining({ lengthMm: 10, faces: [7, 8] }),
    ]);
    expect(featuresOf("synth_block_2pockets_bottomslot.step").steps).toEqual([]);
  });

  it("finds a rectangular and a hexagonal passage right through the part, and none in the cube", () => {
    const { passages } = featuresOf("mfcad_2-3-5-11-14-23.step");
    expect(passages.map((passage) => [passage.faces.length, passage.lengthMm])).toEqual([
      [4, 10],
      [6, 10],
    ]);
    expect(featuresOf("synth_cube20.step").passages).toEqual([]);
  });

  it("finds a 45° chamfer between two outer faces, and none on the R5 fillets", () => {
    expect(featuresOf("mfcad_0-1-6-8-13-23.step").chamfers).toEqual([
      { sizeMm: expect.closeTo(1.24, 2), angleDeg: 45, faces: [2] },
    ]);
    expect(featuresOf("synth_block_fillets_R5.step").chamfers).toEqual([]);
  });
});

describe("setups and undercuts", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("needs +Z only for a plate with through and blind holes from the top", () => {
    expect(featuresOf("synth_plate_4thru_1blind.step")).toMatchObject({
      setups: [[0, 0, 1]],
      undercut: false,
    });
  });

  it("needs +Z and −Z for pockets on top and a slot underneath", () => {
    expect(featuresOf("synth_block_2pockets_bottomslot.step")).toMatchObject({
      setups: [
        [0, 0, 1],
        [0, 0, -1],
      ],
      undercut: false,
    });
  });

  it("marks the T-slot's hidden head as an undercut, machined from +Z with a T-slot cutter", () => {
    const features = featuresOf("synth_tslot_undercut.step");
    expect(features.setups).toEqual([[0, 0, 1]]);
    expect(features.undercut).toBe(true);
    // The two head walls and the two faces under the neck's lips.
    expect(features.undercutFaces).toHaveLength(4);
    for (const face of features.undercutFaces) expect(features.faceFamilies[face]).toBe("slot");
  });

  it("chucks a turned part from both ends", () => {
    expect(featuresOf("synth_turned_stepped_shaft.step").setups).toEqual([
      [0, 0, 1],
      [0, 0, -1],
    ]);
  });

  it("calls a shaft with a flat and a cross hole not turnable as is, and names the faces for live tooling", () => {
    const features = featuresOf("constructed_shaft_flat_cross_hole.brep");
    expect(features.turnable).toBe(false);
    expect(features.liveToolingFaces).toEqual([2, 6]); // the flat and the cross hole
    expect(features.holes).toEqual([
      expect.objectContaining({ diameterMm: 5, axis: [0, 1, 0], through: true }),
    ]);
    expect(featuresOf("synth_turned_stepped_shaft.step").liveToolingFaces).toEqual([]);
  });
});

describe("sealed voids", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("counts a void in a B-rep solid, whose walls no tool reaches", () => {
    const report = reportOf("constructed_cube_sealed_void.brep");
    expect(report.bodies).toEqual([expect.objectContaining({ internalVoids: 1 })]);
    expect(report.volumeMm3).toBeCloseTo(27_000 - 1_000, 6);
    expect(report.features.undercutFaces).toHaveLength(6);
  });

  it("takes a void shell in a mesh file off its body's volume instead of counting it as a second body", () => {
    const bytes = boxesStl([
      { min: [0, 0, 0], max: [30, 30, 30] },
      { min: [10, 10, 10], max: [20, 20, 20], inward: true },
    ]);
    const result = analyzeFile(bytes, "void.stl");
    if (!("report" in result)) throw new Error(result.error.message);
    expect(result.report.volumeMm3).toBeCloseTo(26_000, 6);
    expect(result.report.bodies.map((body) => [body.internalVoids, body.voidOf])).toEqual([
      [1, undefined],
      [0, 0],
    ]);
    expect(result.report.notices.map((notice) => notice.code)).toContain("internal_void");
    expect(result.report.features.minWallMm).toBeCloseTo(10, 4);
  });

  it("keeps two separate cubes as two bodies", () => {
    const result = analyzeFile(
      boxesStl([
        { min: [0, 0, 0], max: [10, 10, 10] },
        { min: [20, 0, 0], max: [30, 10, 10] },
      ]),
      "two.stl",
    );
    if (!("report" in result)) throw new Error(result.error.message);
    expect(result.report.volumeMm3).toBeCloseTo(2_000, 6);
    expect(result.report.bodies.every((body) => body.internalVoids === 0 && body.voidOf === undefined)).toBe(
      true,
    );
  });
});
