import { describe, expect, it } from "vitest";
import { syntheticReport } from "../../tests/fixtures/synthetic-report";
import { rotatedBox, rotationAbout } from "../../tests/fixtures/voxel-mesh";
import { chooseBuildOrientations } from "../printing/choose-build-orientation";
import type { AnalysisReport } from "../analysis/analyze-file";
import { defaultPricingData } from "./default-pricing-data";
import { estimateAdditiveCost, type AdditiveProcess } from "./estimate-additive-cost";

const flat = { machiningFactor: 1, additiveFactor: 1 };

function machineLine(report: AnalysisReport, process: AdditiveProcess) {
  const material = defaultPricingData.materials.find((candidate) => candidate.processes.includes(process))!;
  const estimate = estimateAdditiveCost(
    {
      report,
      material,
      process: defaultPricingData.processes[process],
      data: defaultPricingData,
      tolerance: flat,
      quantity: 1,
    },
    process,
  );
  return estimate.lines.find((line) => line.kind === "machine")!;
}

/** An 80 × 60 × 4 mm plate drawn tilted 30° about X, with the orientations the engine chooses for it. */
function tiltedPlate(): AnalysisReport {
  const mesh = rotatedBox([80, 60, 4], rotationAbout(0, 30));
  const report = syntheticReport({ sizeMm: [80, 53.96, 33.46], volumeMm3: 80 * 60 * 4, areaMm2: 10_720 });
  report.features.buildOrientations = chooseBuildOrientations(mesh);
  return report;
}

describe("estimateAdditiveCost in the process's own build orientation", () => {
  it("builds a tilted plate lying on its face: 4 mm of layers, not its 33 mm tilted box", () => {
    const oriented = tiltedPlate();
    const squareToAxes = { ...oriented, features: { ...oriented.features, buildOrientations: undefined } };
    for (const process of ["sla", "sls", "mjf", "metal_pbf"] as const) {
      const now = machineLine(oriented, process);
      const before = machineLine(squareToAxes, process);
      expect(now.minutesPerPart!).toBeLessThan(before.minutesPerPart!);
      expect(now.label).toContain("tilted 30° from +Z towards -Y");
    }
    const sla = defaultPricingData.processes.sla.parameters;
    expect(machineLine(oriented, "sla").label).toContain(`${Math.round(4 / sla.layerHeightMm!)} layers`);
  });

  it("supports SLA by its own orientation's overhang, not FDM's", () => {
    const report = syntheticReport({
      sizeMm: [40, 40, 40],
      volumeMm3: 20_000,
      areaMm2: 9600,
      overhangMm2: 0,
    });
    const orientations = chooseBuildOrientations(rotatedBox([40, 40, 40], rotationAbout(2, 0)));
    report.features.buildOrientations = {
      ...orientations,
      sla: { ...orientations.sla, supportAreaMm2: 500 },
    };
    const withSupport = machineLine(report, "sla").minutesPerPart!;
    report.features.buildOrientations = orientations;
    expect(withSupport).toBeGreaterThan(machineLine(report, "sla").minutesPerPart!);
  });
});

describe("metal powder-bed fusion in a build shared with other orders (decision 0117)", () => {
  const pbfCostCents = (sizeMm: [number, number, number], quantity = 1) => {
    const report = syntheticReport({
      sizeMm,
      volumeMm3: sizeMm[0] * sizeMm[1] * sizeMm[2],
      areaMm2: 2 * (sizeMm[0] * sizeMm[1] + sizeMm[1] * sizeMm[2] + sizeMm[0] * sizeMm[2]),
      overhangMm2: 0,
    });
    const estimate = estimateAdditiveCost(
      {
        report,
        material: defaultPricingData.materials.find((material) => material.code === "PBF-ALSI10MG")!,
        process: defaultPricingData.processes.metal_pbf,
        data: defaultPricingData,
        tolerance: flat,
        quantity,
      },
      "metal_pbf",
    );
    return { estimate, cents: estimate.lines.reduce((sum, line) => sum + line.centsPerPart, 0) };
  };

  it("charges a 10 mm cube its share of the plate, not a whole build: €60–120 to the partner, not ~€465", () => {
    const { cents, estimate } = pbfCostCents([10, 10, 10]);
    expect(cents).toBeGreaterThan(6000);
    expect(cents).toBeLessThan(12_000);
    const stressRelief = estimate.lines.find((line) => line.label.includes("stress relief"))!;
    expect(stressRelief.label).toContain("0.4 % of the plate's 360 min");
  });

  it("keeps a floor for the tiniest part: the order's preparation and the part's blasting and inspection", () => {
    const { cents } = pbfCostCents([2, 2, 2]);
    const preparation = (defaultPricingData.processes.metal_pbf.setupMinutes / 60) * 9000;
    expect(cents).toBeGreaterThan(preparation + (15 / 60) * defaultPricingData.labourRateCentsPerHour);
  });

  it("charges a part that takes more of the plate more of the build's preparation and stress relief", () => {
    const small = pbfCostCents([10, 10, 10]).estimate.lines;
    const wide = pbfCostCents([100, 100, 10]).estimate.lines;
    const perBuild = (lines: typeof small) =>
      lines
        .filter((line) => line.label.startsWith("Share of"))
        .reduce((sum, line) => sum + line.centsPerPart, 0);
    expect(perBuild(wide) / perBuild(small)).toBeCloseTo(100, 5);
  });
});
