import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile, type AnalysisReport } from "./analyze-file";

function featuresOf(name: string): AnalysisReport["features"] {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
  return result.report.features;
}

describe("feature recognition on B-rep parts", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("finds four d6.6 through holes and one d8 blind hole 6 mm deep in the plate", () => {
    const { holes } = featuresOf("synth_plate_4thru_1blind.step");
    const through = holes.filter((hole) => hole.through);
    const blind = holes.filter((hole) => !hole.through);
    expect(through).toHaveLength(4);
    for (const hole of through) {
      expect(hole.diameterMm).toBeCloseTo(6.6, 2);
      expect(hole.depthMm).toBeCloseTo(10, 2);
      expect(Math.abs(hole.axis[2])).toBeCloseTo(1, 9);
      expect(hole.kind).toBe("plain");
    }
    expect(blind).toHaveLength(1);
    expect(blind[0]!.diameterMm).toBeCloseTo(8, 2);
    expect(blind[0]!.depthMm).toBeCloseTo(6, 2);
  });

  it("finds no holes, fillets or turning in a plain cube, whose stock is a 20 mm block and whose wall is 20 mm", () => {
    const features = featuresOf("synth_cube20.step");
    expect(features).toMatchObject({
      holes: [],
      fillets: [],
      turnable: false,
      stock: { kind: "block", sizeMm: [20, 20, 20] },
    });
    expect(features.minWallMm).toBeCloseTo(20, 6);
  });

  it("measures the 1 mm walls of a thin-walled cup and names their faces", () => {
    const features = featuresOf("synth_thinwall_cup_1mm.step");
    expect(features.minWallMm).toBeCloseTo(1, 4);
    expect(features.minWallFaces.length).toBeGreaterThanOrEqual(4);
  });

  it("finds the four convex R5 fillets of a block, and calls the block not turnable", () => {
    const { fillets, holes, turnable } = featuresOf("synth_block_fillets_R5.step");
    expect(fillets).toHaveLength(4);
    for (const fillet of fillets)
      expect(fillet).toMatchObject({ radiusMm: expect.closeTo(5, 6), convex: true });
    expect(holes).toEqual([]);
    expect(turnable).toBe(false);
  });

  it("calls a stepped shaft turnable about Z with a 30 mm diameter, and finds its 6 mm through bore", () => {
    const features = featuresOf("synth_turned_stepped_shaft.step");
    expect(features.turnable).toBe(true);
    expect(features.turningAxis!.map(Math.abs)).toEqual([0, 0, 1]);
    expect(features.maxDiameterMm).toBeCloseTo(30, 4);
    expect(features.stock).toEqual({ kind: "bar", sizeMm: [expect.closeTo(30, 4), expect.closeTo(90, 6)] });
    expect(features.minWallMm).toBeCloseTo(3, 1); // bore d6 inside d12: measured on the display mesh
    expect(features.holes).toEqual([
      expect.objectContaining({
        diameterMm: expect.closeTo(6, 6),
        depthMm: expect.closeTo(90, 3),
        through: true,
      }),
    ]);
  });

  it("finds a screw's modelled thread (B-spline flanks) and turns the screw, milling its slotted head with live tooling", () => {
    const features = featuresOf("build123d_m6x12_countersunk_screw.step");
    expect(features.turningAxis!.map(Math.abs)).toEqual([0, 0, 1]);
    // The slot's walls and the thread's run-outs under the head; the flanks and the crest are turned.
    expect(features.liveToolingFaces).toHaveLength(8);
    expect(features.maxDiameterMm).toBeCloseTo(10.23, 2); // the head: its cone is cut by the slot
    expect(features.stock.kind).toBe("bar");
    expect(features.thread).toEqual({
      majorDiameterMm: expect.closeTo(6, 3),
      minorDiameterMm: expect.closeTo(4.917, 3),
      faces: [8, 9, 12], // two flanks and the crest
    });
  });

  it("does not take a rounded outside edge (a partial cylinder) for a hole", () => {
    expect(featuresOf("occt_rounded_cube.step").holes).toEqual([]);
  });

  it("finds the plate's holes in its STL too, from planes and cylinders fitted to the mesh", () => {
    const features = featuresOf("synth_plate_4thru_1blind_binary.stl");
    const through = features.holes.filter((hole) => hole.through);
    expect(through).toHaveLength(4);
    for (const hole of through) {
      expect(hole.diameterMm).toBeCloseTo(6.6, 2);
      expect(hole.depthMm).toBeCloseTo(10, 3);
    }
    expect(features.holes.filter((hole) => !hole.through)).toEqual([
      expect.objectContaining({ diameterMm: expect.closeTo(8, 2), depthMm: expect.closeTo(6, 3) }),
    ]);
    expect(features).toMatchObject({ setups: [[0, 0, 1]], turnable: false, stock: { kind: "block" } });
    expect(features.minWallMm).toBeCloseTo(4, 3); // under the 6 mm deep blind hole in the 10 mm plate
    expect(features.minWallFaces.length).toBeGreaterThan(0);
  });
});
