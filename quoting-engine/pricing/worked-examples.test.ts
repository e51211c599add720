// Published worked examples, reproduced by the engine's own cost functions given the same parameters.
import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../tests/fixtures/synthetic-report";
import type { CostInput } from "./cost-estimate";
import { defaultPricingData } from "./default-pricing-data";
import { estimateAdditiveCost } from "./estimate-additive-cost";
import { estimateMachiningCost } from "./estimate-machining-cost";
import type { MaterialData, ProcessData } from "./pricing-data";

const freeMaterial: MaterialData = {
  code: "X",
  name: "Test material",
  family: "metal",
  processes: ["cnc_milling", "cnc_turning", "metal_pbf", "mjf"],
  densityGPerCm3: 1,
  priceCentsPerKg: 0,
  machinabilityIndex: 1,
};
const flat = { label: "medium", machiningFactor: 1, additiveFactor: 1 };
const total = (estimate: { lines: { centsPerPart: number }[] }, quantity: number) =>
  (estimate.lines.reduce((sum, line) => sum + line.centsPerPart, 0) * quantity) / 100;

/**
 * A machining process whose only per-part time is finishing 25 cm² at 25 cm²/min, i.e. a cycle of
 * exactly one minute, with a given setup time and rate: the lot-time model in its plainest form.
 */
function machiningWith(setupMinutes: number, hourlyRateCents: number, cycleMinutes: number): ProcessData {
  return {
    hourlyRateCents,
    setupMinutes,
    envelopeMm: [1000, 1000, 1000],
    baseLeadDays: 10,
    machineHoursPerDay: 16,
    parameters: {
      roughingCm3PerMinute: 1e12,
      finishingCm2PerMinute: 25 / cycleMinutes,
      loadMinutesPerSetup: 0,
      programmingMinutes: 0,
      stockAllowanceMm: 0,
      learningRate: 1,
      inspectionMinutesPerPart: 0,
      firstArticleMinutes: 0,
    },
  };
}

describe("published worked examples", () => {
  it("Ostwald & McLaren 7.2: setup 10 h, cycle 1 min, $75/h, 210 units cost $1,012.50", () => {
    const input: CostInput = {
      report: syntheticReport({ sizeMm: [10, 10, 10], volumeMm3: 1000, areaMm2: 2500 }),
      material: freeMaterial,
      process: machiningWith(600, 7500, 1),
      data: defaultPricingData,
      tolerance: flat,
      quantity: 210,
    };
    const estimate = estimateMachiningCost(input, "cnc_milling");
    expect(estimate.orderMachineHours).toBeCloseTo(13.5, 6);
    expect(total(estimate, 210)).toBeCloseTo(1012.5, 2);
  });

  it("Ostwald & McLaren 7.3: turret lathe, setup 2.9 h, cycle 5.16 min, 710 units take 63.96 lot hours", () => {
    const input: CostInput = {
      report: syntheticReport({ sizeMm: [10, 10, 10], volumeMm3: 1000, areaMm2: 2500, turnedDiameterMm: 10 }),
      material: freeMaterial,
      process: machiningWith(87, 7500, 5.16), // two setups of 87 min = 2.9 h
      data: defaultPricingData,
      tolerance: flat,
      quantity: 710,
    };
    expect(estimateMachiningCost(input, "cnc_turning").orderMachineHours).toBeCloseTo(63.96, 2);
  });

  it("metal L-PBF (Phasio's bracket): 10,000 mm³ of 316L with 1,200 mm³ of supports costs about €449", () => {
    const process: ProcessData = {
      hourlyRateCents: 13000,
      envelopeMm: [250, 250, 325],
      setupMinutes: (150 / 130) * 60, // €150 of setup at €130/h
      baseLeadDays: 10,
      machineHoursPerDay: 22,
      parameters: { supportMm3PerMm2: 1, layerHeightMm: 0.04, secondsPerLayer: 0, materialWasteShare: 0 },
    };
    const input: CostInput = {
      report: syntheticReport({ sizeMm: [30, 30, 60], volumeMm3: 10_000, areaMm2: 6000, overhangMm2: 1200 }),
      material: { ...freeMaterial, densityGPerCm3: 7.9, priceCentsPerKg: 10_000, buildRateCm3PerHour: 5 },
      process,
      data: { ...defaultPricingData, labourRateCentsPerHour: 0 },
      tolerance: flat,
      quantity: 1,
    };
    const estimate = estimateAdditiveCost(input, "metal_pbf");
    expect(estimate.lines.find((line) => line.kind === "machine")!.minutesPerPart! / 60).toBeCloseTo(2.24, 2);
    // Published: €449 (they count the part's material only; we count the supports' too: €450.05).
    expect(Math.abs(total(estimate, 1) - 449) / 449).toBeLessThan(0.15);
    expect(total(estimate, 1)).toBeCloseTo(450.05, 1);
  });

  it("MJF (Phasio): 210 cm³ of packed volume at €0.18/cm³ and €80 setup per build cost €53.80 each for 5", () => {
    // A chamber of 1,000 cm³ in 100 layers of 36 s is one hour at €180/h: €0.18 per packed cm³.
    const process: ProcessData = {
      hourlyRateCents: 18000,
      envelopeMm: [380, 284, 380],
      setupMinutes: (80 / 180) * 60,
      baseLeadDays: 10,
      machineHoursPerDay: 22,
      parameters: {
        layerHeightMm: 1,
        secondsPerLayer: 36,
        buildVolumeMm: [100, 100, 100],
        packingDensity: 1,
        materialWasteShare: 0,
        postMinutesPerPart: 0,
      },
    };
    const input: CostInput = {
      report: syntheticReport({ sizeMm: [60, 50, 70], volumeMm3: 1, areaMm2: 1 }),
      material: { ...freeMaterial, buildRateCm3PerHour: 1e9 },
      process,
      data: defaultPricingData,
      tolerance: flat,
      quantity: 5,
    };
    expect(total(estimateAdditiveCost(input, "mjf"), 5) / 5).toBeCloseTo(53.8, 2);
  });
});
