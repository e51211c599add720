// Decision 0057: the rules added to the FDM model for issue 20's last misses. Each test fails on the
// model before it (the profile had no per-loop small path and no support layer heights; a retraction
// took 0.1 s).
import { describe, expect, it } from "vitest";
import { estimateFdmPrint, moveSeconds } from "./estimate-fdm-print";
import { defaultFdmMachine } from "./fdm-machine-classes";
import { measureFdmLayers } from "./measure-fdm-layers";
import { smallPerimeterPath, smallLoopLengthMm } from "./small-perimeter-path";
import { supportLayerHeights } from "./support-layer-heights";
import { boxesMesh } from "./test-meshes";

const spacingMm = 1.22 / 3;

describe("perimeter loops printed at the small-perimeter speed (per loop, not per contour)", () => {
  it("counts the inner loops of an island whose outline is long but whose inner loops are short", () => {
    // A 14 × 6 mm island: outline 40 mm (under 40.8: all three loops small) …
    expect(smallPerimeterPath(40, 84, spacingMm)).toBeCloseTo(3 * 40 - 2 * Math.PI * 4.5 * spacingMm, 6);
    // … a 15 × 7 mm one: outline 44 mm, not small, but its second and third loops are.
    const path = smallPerimeterPath(44, 105, spacingMm);
    const second = 44 - 2 * Math.PI * 1.5 * spacingMm;
    const third = 44 - 2 * Math.PI * 2.5 * spacingMm;
    expect(second).toBeLessThan(smallLoopLengthMm);
    expect(path).toBeCloseTo(second + third, 6);
  });

  it("counts the loops of a thin wall as small where they only fit in pieces, and none of a large block", () => {
    // A wall 1.7 mm thick and 100 mm long: the second loop needs 1.63 mm and breaks into pieces.
    const wall = smallPerimeterPath(203.4, 170, spacingMm);
    expect(wall).toBeGreaterThan(150);
    expect(wall).toBeLessThan(203.4);
    // A 50 × 50 mm square: no loop is small.
    expect(smallPerimeterPath(200, 2500, spacingMm)).toBe(0);
  });

  it("counts a small hole's loops, which run longer than the hole (outside it)", () => {
    const hole = smallPerimeterPath(2 * Math.PI * 3, -Math.PI * 9, spacingMm);
    const expected = [0.5, 1.5, 2.5].reduce((sum, k) => sum + 2 * Math.PI * (3 + k * spacingMm), 0);
    expect(hole).toBeCloseTo(expected, 6);
  });

  it("prints a layer of small loops slower than one of the same length in large ones", () => {
    const mesh = boxesMesh([[0, 0, 0, 8, 8, 10]]);
    const profile = measureFdmLayers(mesh.positions, mesh.indices);
    expect(profile.smallPerimeterPathMm![10]).toBeGreaterThan(0);
    const fast = estimateFdmPrint(
      { ...profile, smallPerimeterPathMm: profile.smallPerimeterPathMm!.map(() => 0) },
      defaultFdmMachine,
    );
    const slow = estimateFdmPrint(profile, defaultFdmMachine);
    expect(slow.breakdownMinutes.perimeters).toBeGreaterThan(fast.breakdownMinutes.perimeters * 1.5);
  });
});

describe("the support's own layers (PrusaSlicer's extremes split into layers up to 0.3 mm)", () => {
  it("splits the gap between two neighbouring extremes evenly into the fewest layers of at most 0.3 mm", () => {
    const boundary = new Uint8Array(46);
    boundary[0] = 1;
    boundary[1] = 1;
    boundary[45] = 1; // an overhang's contact 9 mm up
    const heights = supportLayerHeights(boundary, 0.2, 0.3);
    expect(heights[0]).toBeCloseTo(0.2, 9); // the first layer
    // 8.8 mm over ⌈8.8 / 0.3⌉ = 30 layers of 0.293 mm.
    expect(heights[10]).toBeCloseTo(8.8 / 30, 9);
    expect(heights[44]).toBeCloseTo(8.8 / 30, 9);
  });

  it("prints in the object's layers where the extremes are a layer apart", () => {
    const boundary = new Uint8Array(21).fill(1);
    expect(Array.from(supportLayerHeights(boundary, 0.2, 0.3)).every((h) => Math.abs(h - 0.2) < 1e-9)).toBe(
      true,
    );
  });

  it("measures thick support layers under one flat overhang and thin ones under a staircase", () => {
    // A table: a 40 × 40 mm top 10 mm up on one leg; a staircase of overhangs one layer apart.
    const table = boxesMesh([
      [0, 0, 0, 5, 5, 10],
      [0, 0, 10, 40, 40, 12],
    ]);
    const tableProfile = measureFdmLayers(table.positions, table.indices);
    expect(tableProfile.supportLayerHeightMm![20]).toBeGreaterThan(0.28);
    // Steps that widen going up, each 1 mm further out and 0.2 mm higher than the one below.
    const steps = boxesMesh([
      [0, 0, 0, 5, 5, 12],
      ...Array.from(
        { length: 20 },
        (_, k) => [0, 0, 2 + 0.2 * k, 6 + k, 5, 12] as [number, number, number, number, number, number],
      ),
    ]);
    const stepsProfile = measureFdmLayers(steps.positions, steps.indices);
    const supported = stepsProfile.supportMm2
      .map((area, layer) => (area > 0 ? layer : -1))
      .filter((l) => l > 12);
    expect(supported.length).toBeGreaterThan(3);
    for (const layer of supported) expect(stepsProfile.supportLayerHeightMm![layer]).toBeCloseTo(0.2, 6);
  });

  it("takes longer to print a support in 0.2 mm layers than the same support in 0.3 mm layers", () => {
    const table = boxesMesh([
      [0, 0, 0, 5, 5, 10],
      [0, 0, 10, 40, 40, 12],
    ]);
    const profile = measureFdmLayers(table.positions, table.indices);
    const thin = estimateFdmPrint(
      { ...profile, supportLayerHeightMm: profile.supportLayerHeightMm!.map(() => 0.2) },
      defaultFdmMachine,
    );
    const thick = estimateFdmPrint(profile, defaultFdmMachine);
    expect(thin.breakdownMinutes.supports).toBeGreaterThan(thick.breakdownMinutes.supports * 1.3);
    expect(thin.supportMm3).toBeCloseTo(thick.supportMm3, 6); // the same volume
  });
});

describe("a retraction's time", () => {
  it("is 2 mm out and back at 40 mm/s with the extruder's acceleration (1500 mm/s²) and jerk (2.5 mm/s)", () => {
    expect(defaultFdmMachine.retractSeconds).toBeCloseTo(2 * moveSeconds(2, 40, 1500, 2.5), 3);
  });
});
