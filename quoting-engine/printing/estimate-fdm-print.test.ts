import { describe, expect, it } from "vitest";
import { estimateFdmPrint, moveSeconds } from "./estimate-fdm-print";
import { defaultFdmMachine } from "./fdm-machine-classes";
import { measureFdmLayers } from "./measure-fdm-layers";
import { boxesMesh } from "./test-meshes";

const profileOf = (...boxes: Parameters<typeof boxesMesh>[0]) => {
  const mesh = boxesMesh(boxes);
  return measureFdmLayers(mesh.positions, mesh.indices);
};

describe("estimating an FDM print", () => {
  it("extrudes a 20 mm cube's perimeters, skins, infill and skirt as computed by hand", () => {
    const machine = { ...defaultFdmMachine, flowFactor: 1 };
    const estimate = estimateFdmPrint(profileOf([0, 0, 0, 20, 20, 20]), machine);
    const spacingMm = 0.45 - 0.2 * (1 - Math.PI / 4); // PrusaSlicer's Flow spacing for 0.45 × 0.2 mm
    const ringMm2 = 3 * 80 * spacingMm; // three 80 mm perimeters
    const innerMm2 = 400 - ringMm2;
    const skirtMm = 80 + 2 * Math.PI * 6;
    const expectedMm3 = (100 * ringMm2 + 6 * innerMm2 + 94 * innerMm2 * 0.2 + skirtMm * spacingMm) * 0.2;
    expect(estimate.filamentMm3).toBeCloseTo(expectedMm3, 3);
    expect(estimate.supportMm3).toBe(0);
    expect(estimate.layers).toBe(100);
    // By feature, as a slicer's ;TYPE: totals: perimeters, 6 solid layers, 94 sparse, the skirt.
    expect(estimate.breakdownMm3.perimeters).toBeCloseTo(100 * ringMm2 * 0.2, 3);
    expect(estimate.breakdownMm3.solidInfill).toBeCloseTo(6 * innerMm2 * 0.2, 3);
    expect(estimate.breakdownMm3.infill).toBeCloseTo(94 * innerMm2 * 0.2 * 0.2, 3);
    expect(estimate.breakdownMm3.skirt).toBeCloseTo(skirtMm * spacingMm * 0.2, 3);
    expect(estimate.breakdownMm3.supports + estimate.breakdownMm3.supportInterface).toBe(0);
    // PrusaSlicer 2.5 (built-in defaults, 0.2 mm layers, 20 % infill): 19 min 37 s, 3.57 cm³.
    expect(estimate.minutes / (19 + 37 / 60)).toBeGreaterThan(0.8);
    expect(estimate.minutes / (19 + 37 / 60)).toBeLessThan(1.2);
    expect(estimate.filamentMm3 / 3570).toBeGreaterThan(0.9);
    expect(estimate.filamentMm3 / 3570).toBeLessThan(1.1);
  });

  it("takes longer with more layers of the same footprint", () => {
    const short = estimateFdmPrint(profileOf([0, 0, 0, 20, 20, 10]), defaultFdmMachine);
    const tall = estimateFdmPrint(profileOf([0, 0, 0, 20, 20, 40]), defaultFdmMachine);
    expect(tall.layers).toBe(4 * short.layers);
    expect(tall.minutes).toBeGreaterThan(2 * short.minutes);
    expect(tall.breakdownMinutes.layerChanges).toBeCloseTo(4 * short.breakdownMinutes.layerChanges, 6);
  });

  it("counts a coarser-measured tall part's printed layers", () => {
    const tower = boxesMesh([[0, 0, 0, 15, 15, 100]]);
    const fine = estimateFdmPrint(measureFdmLayers(tower.positions, tower.indices), defaultFdmMachine);
    const coarse = estimateFdmPrint(
      measureFdmLayers(tower.positions, tower.indices, { maxLayers: 100 }),
      defaultFdmMachine,
    );
    expect(coarse.layers).toBe(500);
    expect(coarse.minutes / fine.minutes).toBeGreaterThan(0.95);
    expect(coarse.minutes / fine.minutes).toBeLessThan(1.05);
    expect(coarse.filamentMm3 / fine.filamentMm3).toBeGreaterThan(0.95);
    expect(coarse.filamentMm3 / fine.filamentMm3).toBeLessThan(1.05);
  });

  it("prints supports only when there are overhangs", () => {
    const block = estimateFdmPrint(profileOf([0, 0, 0, 50, 10, 25]), defaultFdmMachine);
    const tee = estimateFdmPrint(
      profileOf([20, 0, 0, 30, 10, 20], [0, 0, 20, 50, 10, 25]),
      defaultFdmMachine,
    );
    expect(block.supportMm3).toBe(0);
    expect(block.breakdownMinutes.supports).toBe(0);
    expect(tee.supportMm3).toBeGreaterThan(100);
    expect(tee.breakdownMinutes.supports).toBeGreaterThan(0);
  });

  it("slows small layers down to the minimum layer time", () => {
    // A 12 mm square pin takes about 5 s a layer at full speed; a 15 s minimum slows every layer.
    const machine = { ...defaultFdmMachine, minLayerSeconds: 15 };
    const pin = estimateFdmPrint(profileOf([0, 0, 0, 12, 12, 10]), machine);
    expect(pin.breakdownMinutes.coolingSlowdown).toBeGreaterThan(0);
    expect(pin.minutes * 60).toBeGreaterThanOrEqual(pin.layers * 15 - 1e-6);
    const noCooling = estimateFdmPrint(profileOf([0, 0, 0, 12, 12, 10]), { ...machine, minLayerSeconds: 0 });
    expect(noCooling.breakdownMinutes.coolingSlowdown).toBe(0);
    expect(noCooling.minutes).toBeLessThan(pin.minutes / 2);
    // A 3 mm one cannot be slowed below 10 mm/s: slowed, but shorter than 5 s a layer.
    const needle = estimateFdmPrint(profileOf([0, 0, 0, 3, 3, 10]), defaultFdmMachine);
    expect(needle.breakdownMinutes.coolingSlowdown).toBeGreaterThan(0);
    expect(needle.minutes * 60).toBeLessThan(needle.layers * defaultFdmMachine.minLayerSeconds);
  });

  it("prints the first layer at first-layer speed", () => {
    const plate = profileOf([0, 0, 0, 60, 60, 0.2]);
    const slow = estimateFdmPrint(plate, defaultFdmMachine);
    const fast = estimateFdmPrint(plate, { ...defaultFdmMachine, firstLayerSpeed: 60 });
    expect(fast.minutes).toBeLessThan(slow.minutes * 0.75);
  });

  it("times a move as a trapezoid, or a triangle when it is too short to reach full speed", () => {
    // 100 mm at 60 mm/s, 1500 mm/s², from and to 10 mm/s: 100/60 + 50²/(1500 × 60).
    expect(moveSeconds(100, 60, 1500, 10)).toBeCloseTo(100 / 60 + 2500 / 90000, 9);
    // 1 mm cannot reach 60 mm/s: peak √(10² + 1500 × 1).
    expect(moveSeconds(1, 60, 1500, 10)).toBeCloseTo((2 * (Math.sqrt(1600) - 10)) / 1500, 9);
    expect(moveSeconds(0, 60, 1500, 10)).toBe(0);
  });
  it("prints a sheath around the support body and its first layer dense, as PrusaSlicer 2.5 does", () => {
    const tee = profileOf([20, 0, 0, 30, 10, 20], [0, 0, 20, 50, 10, 25]);
    const spacingMm = 0.45 - 0.2 * (1 - Math.PI / 4);
    const mm3 = spacingMm * 0.2 * defaultFdmMachine.flowFactor;
    const bare = { ...defaultFdmMachine, supportSheathLoops: 0, supportFirstLayerDensity: 0.14 };
    const sheathed = estimateFdmPrint(tee, { ...bare, supportSheathLoops: 1 });
    const without = estimateFdmPrint(tee, bare);
    // One loop along the body's outline in every layer with a body.
    let sheathMm = 0;
    for (let layer = 0; layer < tee.supportMm2.length; layer++) {
      const sparse = tee.supportMm2[layer]!;
      if (sparse > 0)
        sheathMm += (tee.supportOutlineMm![layer]! * sparse) / (sparse + tee.supportInterfaceMm2[layer]!);
    }
    expect(sheathMm).toBeGreaterThan(1000);
    expect(sheathed.breakdownMm3.supports - without.breakdownMm3.supports).toBeCloseTo(sheathMm * mm3, 3);
    // The first layer at 90 % instead of the body's 14 %.
    const dense = estimateFdmPrint(tee, { ...bare, supportFirstLayerDensity: 0.9 });
    const firstLayerMm2 = Math.min(
      tee.supportMm2[0]! * bare.supportAreaFactor,
      tee.supportOutlineMm![0]! * bare.supportBandMm,
    );
    expect(dense.breakdownMm3.supports - without.breakdownMm3.supports).toBeCloseTo(
      ((firstLayerMm2 * (0.9 - 0.14)) / spacingMm) * mm3,
      3,
    );
  });

  it("prints the support above the first layer in 0.3 mm layers: the same material, two thirds the path", () => {
    const tee = profileOf([20, 0, 0, 30, 10, 20], [0, 0, 20, 50, 10, 25]);
    const thin = estimateFdmPrint(tee, { ...defaultFdmMachine, supportLayerHeightMm: 0.2 });
    const thick = estimateFdmPrint(tee, defaultFdmMachine);
    expect(thick.supportMm3).toBeCloseTo(thin.supportMm3, 6);
    expect(thick.breakdownMinutes.supports / thin.breakdownMinutes.supports).toBeGreaterThan(0.6);
    expect(thick.breakdownMinutes.supports / thin.breakdownMinutes.supports).toBeLessThan(0.72);
  });

  it("extrudes perimeters at the nominal flow; the calibrated flow factor is on the fills", () => {
    const cube = profileOf([0, 0, 0, 20, 20, 20]);
    const nominal = estimateFdmPrint(cube, { ...defaultFdmMachine, flowFactor: 1 });
    const overlapped = estimateFdmPrint(cube, { ...defaultFdmMachine, flowFactor: 1.1 });
    expect(overlapped.breakdownMm3.perimeters).toBeCloseTo(nominal.breakdownMm3.perimeters, 9);
    expect(overlapped.breakdownMm3.infill).toBeCloseTo(nominal.breakdownMm3.infill * 1.1, 6);
  });
});
