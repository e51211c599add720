// The process a part is designed for is preselected, not the cheapest (decision 0117).
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../io/cad-kernel";
import type { AnalysisReport } from "../analysis/analyze-file";
import { fixtureReport as reportOf } from "../../tests/fixtures/fixture-report";
import { compareProcesses } from "./compare-processes";
import { defaultPricingData as data } from "./default-pricing-data";

const today = "2026-11-23";
const reports = new Map<string, AnalysisReport>();

const compared = (name: string) => compareProcesses(reports.get(name)!, { quantity: 1, today }, data);

describe("recommending the process a part is designed for", () => {
  beforeAll(async () => {
    await initCadKernel();
    for (const name of [
      "synth_turned_stepped_shaft.step",
      "synth_plate_4thru_1blind.step",
      "constructed_bent_bracket_2mm.step",
      "trimesh_idler_riser.stl",
    ])
      reports.set(name, reportOf(name));
  }, 120_000);

  it("recommends turning for the turned shaft although printing it is cheaper, and says why", () => {
    const comparison = compared("synth_turned_stepped_shaft.step");
    expect(comparison.priced[0]!.process).not.toBe("cnc_turning");
    expect(comparison.recommended).toMatchObject({
      process: "cnc_turning",
      designedFor: true,
      because: "it is round (⌀30\u00a0mm): a lathe turns it from bar",
    });
  });

  it("lists each cheaper process with what it saves and what it changes", () => {
    const comparison = compared("synth_turned_stepped_shaft.step");
    const turning = comparison.priced.find((quote) => quote.process === "cnc_turning")!;
    const cheaper = comparison.priced.filter(
      (quote) => quote.buyer.unitPriceCents < turning.buyer.unitPriceCents,
    );
    expect(comparison.recommended!.alternatives.map((item) => item.process)).toEqual(
      cheaper.map((quote) => quote.process),
    );
    const fdm = comparison.recommended!.alternatives.find((item) => item.process === "fdm")!;
    expect(fdm.savesCentsPerPart).toBe(
      turning.buyer.unitPriceCents - cheaper.find((quote) => quote.process === "fdm")!.buyer.unitPriceCents,
    );
    expect(fdm.changes).toMatch(/^in PLA filament instead of .+; printed in 0\.2 mm layers/);
  });

  it("recommends milling for a prismatic plate with holes", () => {
    expect(compared("synth_plate_4thru_1blind.step").recommended).toMatchObject({
      process: "cnc_milling",
      because: expect.stringContaining("with 5 holes"),
    });
  });

  it("recommends sheet metal for a bent bracket", () => {
    expect(compared("constructed_bent_bracket_2mm.step").recommended).toMatchObject({
      process: "sheet_metal",
      because: "it is a sheet of 2 mm with 1 bend: cut flat and bent",
    });
  });

  it("recommends the cheapest plastic printing for a mesh", () => {
    const comparison = compared("trimesh_idler_riser.stl");
    const printing = comparison.priced.find((quote) => ["fdm", "sla", "sls", "mjf"].includes(quote.process));
    expect(comparison.recommended).toMatchObject({ process: printing!.process, designedFor: true });
    expect(comparison.recommended!.because).toContain("it comes as a mesh (STL)");
  });

  it("falls back to the cheapest when the designed-for process cannot price the part", () => {
    const shaft = reports.get("synth_turned_stepped_shaft.step")!;
    const comparison = compareProcesses(
      shaft,
      { quantity: 1, today },
      {
        ...data,
        materials: data.materials.filter((material) => !material.processes.includes("cnc_turning")),
      },
    );
    expect(comparison.recommended!.process).not.toBe("cnc_turning");
  });
});
