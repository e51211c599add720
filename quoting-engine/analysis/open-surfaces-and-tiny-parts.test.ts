import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import { defaultPricingData } from "../pricing/default-pricing-data";
import { quotePart } from "../pricing/quote-part";
import { analyzeFile, type AnalysisReport } from "./analyze-file";

// Two public files a new buyer uploaded (walk9, decision 0114; origins in tests/fixtures/cad/SOURCES.md).

function analyze(name: string): AnalysisReport {
  const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}

beforeAll(async () => {
  await initCadKernel();
}, 60_000);

describe("open surfaces beside a part are not printed", () => {
  it("the Cornell box OBJ: the room's loose walls (550 mm) stand neither on the plate nor in FDM's layers", () => {
    const report = analyze("tinyobj_cornell_box.obj");
    // The tall block is the part (its open bottom closed); the room's walls are open surfaces.
    expect(report.shells).toMatchObject({ parts: 1, openSurfaces: 9 });
    const size = report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
    expect(Math.max(...size)).toBeCloseTo(330, 0);
    const orientations = report.features.buildOrientations!;
    for (const process of ["fdm", "sla", "sls", "mjf", "metal_pbf"] as const)
      expect(orientations[process].heightMm).toBeLessThanOrEqual(330.01);
    // Before: 2796 layers of 0.2 mm, the room's height, and 34,702 cm³ printed for a 9,117 cm³ block.
    expect(report.features.fdmLayers!.areaMm2.length).toBeLessThanOrEqual(Math.ceil(330 / 0.2) + 1);
    const fdm = quotePart(
      report,
      { process: "fdm", materialCode: "FDM-PLA", quantity: 1, today: "2027-01-11" },
      defaultPricingData,
    );
    if (!fdm.ok || fdm.needsManualQuote) throw new Error("FDM not priced");
    const printing = fdm.breakdown.find((line) => line.kind === "machine")!.label;
    const printedCm3 = Number(/Printing ([\d,.]+) cm³/.exec(printing)![1]!.replace(/,/g, ""));
    expect(printedCm3).toBeLessThan(report.volumeMm3 / 1000);
  });
});

describe("bodies exported touching (a two-colour print)", () => {
  it("Voron-0's multibody display faceplate: one closed part, no open surfaces, priced", () => {
    const report = analyze("voron0_display_faceplate_multibody.stl");
    // admesh 0.98 on the same file: 14 closed parts, 8441.876 mm³ together.
    expect(report.volumeMm3).toBeCloseTo(8441.9, 0);
    // Before: "242 bodies of the file are open surfaces … cannot be made as drawn" (an error) for the bits
    // of the faceplate's and the inlay's faces that did not coincide exactly where they touch.
    expect(report.notices.find((entry) => entry.code === "open_mesh")).toBeUndefined();
    expect(report.shells).toMatchObject({ parts: 1, openSurfaces: 0 });
    expect(report.repairs).toMatchObject({ opposingTrianglePairs: 596, openPiecesWithinSolids: 242 });
    expect(report.notices.find((entry) => entry.code === "mesh_repaired")?.message).toContain(
      "242 open pieces of surface lying on or inside the solid (where bodies touch) removed",
    );
    const fdm = quotePart(
      report,
      { process: "fdm", materialCode: "FDM-PLA", quantity: 1, today: "2027-01-11" },
      defaultPricingData,
    );
    expect(fdm.ok && !fdm.needsManualQuote).toBe(true);
  });
});

describe("FDM lays a part where its supports are least, not where their footprint is", () => {
  it("Voron-0's display faceplate (one body) prints flat, 8.6 mm tall, not stood on its edge", () => {
    const report = analyze("voron0_display_faceplate.stl");
    const { fdm, sla } = report.features.buildOrientations!;
    // Before: "+X up", 84.4 mm tall on 422 mm² of support but 27 cm³ of support columns: 110.8 minutes
    // of printing (€23.76), where lying flat needs 0.3 cm³ of columns under 654 mm² and 53.7 minutes.
    expect(fdm.label).toBe("+Z up (as drawn)");
    expect(fdm.heightMm).toBeCloseTo(8.6, 1);
    expect(fdm.supportVolumeMm3).toBeLessThan(1000);
    // SLA still wants the fewest supported spots (marks on the surface): on its edge.
    expect(sla.supportAreaMm2).toBeLessThan(fdm.supportAreaMm2);
    const priced = quotePart(
      report,
      { process: "fdm", materialCode: "FDM-PLA", quantity: 1, today: "2027-01-11" },
      defaultPricingData,
    );
    if (!priced.ok || priced.needsManualQuote) throw new Error("FDM not priced");
    const printing = priced.breakdown.find((line) => line.kind === "machine")!;
    expect(printing.label).toMatch(/in 4\d layers/);
    expect(printing.minutesPerPart).toBeLessThan(80);
  });
});

describe("a part thinner overall than a process's least wall", () => {
  it.each([
    ["ros_fanuc_lrmate200i_link3_metres.stl", "0.19 × 0.2 × 0.2"],
    ["ros_fanuc_m10ia_link6_metres.stl", "0.01 × 0.06 × 0.06"],
  ])("%s (FANUC robot links drawn in metres, read as mm): no additive process prices it", (name, size) => {
    const report = analyze(name);
    expect(report.suggestedUnit).toBe("m");
    // Before: link 3's whole surface (0.2 mm²) was under the 1 mm² region threshold, so no wall was
    // judged; link 6's rays measured 28 % of it, a region rounded to 0 mm²: FDM priced both at €4.49.
    for (const [process, leastMm] of [
      ["fdm", "0.4"],
      ["sla", "0.2"],
      ["sls", "0.5"],
      ["mjf", "0.3"],
      ["metal_pbf", "0.2"],
    ]) {
      const finding = report.dfm.find((entry) => entry.process === process && entry.code === "wall_too_thin");
      expect(finding?.severity, process).toBe("error");
      expect(finding?.message).toContain(
        `The whole part is ${size} mm, thinner than ${leastMm} mm, the least `,
      );
      expect(finding?.message).toContain("If it was drawn in another unit, switch the unit beside the size");
    }
  });

  it.each([
    ["ros_fanuc_lrmate200i_link3_metres.stl", "0.19 × 0.2 × 0.2"],
    ["ros_fanuc_m10ia_link6_metres.stl", "0.01 × 0.06 × 0.06"],
  ])("%s: milling does not price it either (decision 0122)", (name, size) => {
    const report = analyze(name);
    const finding = report.dfm.find((entry) => entry.process === "cnc_milling" && entry.code === "part_too_thin");
    expect(finding).toMatchObject({ severity: "error", allowed: 0.5 });
    expect(finding?.message).toBe(
      `The whole part is ${size} mm, thinner than 0.5 mm: too thin to mill from a block. If it was drawn in another unit, switch the unit beside the size; else thicken it to at least 0.8 mm.`,
    );
    // Before: an instant milling price (€136 for link 6) for a part of 0.06 mm.
    const milling = quotePart(
      report,
      { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 1, today: "2027-01-11" },
      defaultPricingData,
    );
    expect(milling.ok && !milling.needsManualQuote).toBe(false);
  });
});
