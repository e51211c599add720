import { describe, expect, it } from "vitest";
import { defaultPricingData } from "../pricing/default-pricing-data";
import type { ProcessParameters } from "../pricing/pricing-data";
import { estimatePlateBuild } from "./estimate-plate-build";
import { estimatePowderBedBuild } from "./estimate-powder-bed-build";

const parametersOf = (process: "sla" | "metal_pbf" | "sls" | "mjf"): ProcessParameters =>
  defaultPricingData.processes[process].parameters;

describe("plate build time (SLA, metal PBF)", () => {
  for (const process of ["sla", "metal_pbf"] as const) {
    const parameters = parametersOf(process);
    it(`${process}: a taller part of the same volume and footprint takes longer`, () => {
      const low = estimatePlateBuild({ heightMm: 20, footprintMm2: 2000 }, 10_000, 20_000, parameters);
      const tall = estimatePlateBuild({ heightMm: 80, footprintMm2: 2000 }, 10_000, 20_000, parameters);
      expect(tall.minutes).toBeGreaterThan(low.minutes);
      expect(tall.layerMinutes).toBeCloseTo(low.layerMinutes * 4, 9);
      expect(tall.fuseMinutes).toBe(low.fuseMinutes);
      expect(tall.layers).toBeCloseTo(80 / parameters.layerHeightMm!, 9);
    });
    it(`${process}: a denser plate shares each layer among more parts, so each takes less`, () => {
      const sparse = estimatePlateBuild({ heightMm: 50, footprintMm2: 2000 }, 10_000, 20_000, {
        ...parameters,
        packingDensity: 0.25,
      });
      const dense = estimatePlateBuild({ heightMm: 50, footprintMm2: 2000 }, 10_000, 20_000, {
        ...parameters,
        packingDensity: 0.5,
      });
      expect(dense.layerMinutes).toBeCloseTo(sparse.layerMinutes / 2, 9);
      expect(dense.minutes).toBeLessThan(sparse.minutes);
    });
  }

  it("a part covering the whole plate pays for every layer alone", () => {
    const parameters = { ...parametersOf("sla"), secondsPerLayer: 10, layerHeightMm: 0.1 };
    const full = estimatePlateBuild({ heightMm: 10, footprintMm2: 1e9 }, 0, 1, parameters);
    expect(full.layerMinutes).toBeCloseTo((100 * 10) / 60, 9);
  });
});

describe("powder bed build time (SLS, MJF)", () => {
  for (const process of ["sls", "mjf"] as const) {
    const parameters = parametersOf(process);
    it(`${process}: a taller box takes more of the chamber's height, so longer`, () => {
      const low = estimatePowderBedBuild({ boxVolumeMm3: 50 * 50 * 10 }, 5000, 300_000, parameters);
      const tall = estimatePowderBedBuild({ boxVolumeMm3: 50 * 50 * 40 }, 5000, 300_000, parameters);
      expect(tall.minutes).toBeGreaterThan(low.minutes);
      expect(tall.nestedHeightMm).toBeCloseTo(low.nestedHeightMm * 4, 9);
    });
    it(`${process}: denser nesting, shorter per part`, () => {
      const box = { boxVolumeMm3: 60 * 40 * 30 };
      const sparse = estimatePowderBedBuild(box, 5000, 300_000, { ...parameters, packingDensity: 0.08 });
      const dense = estimatePowderBedBuild(box, 5000, 300_000, { ...parameters, packingDensity: 0.16 });
      expect(dense.layerMinutes).toBeCloseTo(sparse.layerMinutes / 2, 9);
      expect(dense.minutes).toBeLessThan(sparse.minutes);
    });
  }

  it("MJF: a chamber packed full takes its height in layers at the per-layer time", () => {
    // HP 5210 bed 380 × 284 mm, 80 µm layers at 7 s: a full 380 mm build is 4,750 layers, 9.2 h.
    const parameters = parametersOf("mjf");
    const [x, y, z] = parameters.buildVolumeMm!;
    const full = estimatePowderBedBuild(
      { boxVolumeMm3: x * y * z * parameters.packingDensity! },
      0,
      1,
      parameters,
    );
    expect(full.layers).toBeCloseTo(z / parameters.layerHeightMm!, 6);
    expect(full.minutes / 60).toBeCloseTo(
      ((z / parameters.layerHeightMm!) * parameters.secondsPerLayer!) / 3600,
      6,
    );
  });
});
