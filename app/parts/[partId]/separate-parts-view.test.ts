import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "@/quoting-engine/analysis/analyze-file";
import { initCadKernel } from "@/quoting-engine/io/cad-kernel";
import { partPageSummary } from "@/lib/parts/part-page-summary";
import { storedAnalysisSchema } from "@/lib/parts/stored-analysis-schema";
import { SeparatePartsView } from "./separate-parts-view";

const reports: Record<string, AnalysisReport> = {};

beforeAll(async () => {
  await initCadKernel();
  for (const name of [
    "constructed_set_plate_and_bracket_2mm.step",
    "constructed_set_bracket_and_block.step",
    "trimesh_box_sides.step",
    "constructed_bent_bracket_2mm.step",
  ]) {
    const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
    if (!("report" in result)) throw new Error(result.error.message);
    // As the part page reads it: stored, then parsed by the stored analysis's schema.
    reports[name] = storedAnalysisSchema.parse(JSON.parse(JSON.stringify(result.report))) as AnalysisReport;
  }
}, 90_000);

function page(name: string, process: string) {
  const summary = partPageSummary(reports[name]!);
  const findings = summary.findings.filter((finding) => finding.process === process);
  const html = summary.separateParts
    ? renderToStaticMarkup(
        createElement(SeparatePartsView, { parts: summary.separateParts, findings, processName: process }),
      )
    : "";
  return { summary, findings, html };
}

describe("the part page of a file of several parts with sheet parts among them", () => {
  it("shows each part's process and its own flat pattern: a laser-cut plate and a bent bracket", () => {
    const { summary, html } = page("constructed_set_plate_and_bracket_2mm.step", "sheet_metal");
    expect(summary.separateParts?.map((part) => part.process)).toEqual(["laser_cutting", "sheet_metal"]);
    expect(html).toContain("Part 1 of 2: Laser cut (flat)");
    expect(html).toContain("Part 2 of 2: Laser cut and bent (1 bend)");
    expect(html.match(/aria-label="Flat pattern: blank/g)).toHaveLength(2);
    expect(html).toContain("120 × 80 mm · 0 bends");
  });

  it("shows each part's own findings for the chosen process, kept through the stored analysis", () => {
    const { findings, html } = page("constructed_set_plate_and_bracket_2mm.step", "sheet_metal");
    expect(findings.map((finding) => [finding.code, finding.part])).toEqual(
      expect.arrayContaining([
        ["hole_too_small", 0],
        ["hole_near_bend", 1],
      ]),
    );
    expect(html).toContain("1 finding for sheet_metal (see Manufacturability)");
  });

  it("shows the block as milled beside the bracket's flat pattern", () => {
    const { html } = page("constructed_set_bracket_and_block.step", "cnc_milling");
    expect(html).toContain("Part 1 of 2: Laser cut and bent (1 bend)");
    expect(html).toContain("Part 2 of 2: CNC milled (not sheet metal)");
    expect(html.match(/aria-label="Flat pattern: blank/g)).toHaveLength(1);
  });

  it("draws all ten panels of trimesh's box_sides, and nothing extra for a single part", () => {
    expect(
      page("trimesh_box_sides.step", "laser_cutting").html.match(/aria-label="Flat pattern: blank/g),
    ).toHaveLength(10);
    expect(page("constructed_bent_bracket_2mm.step", "sheet_metal").summary.separateParts).toBeNull();
  });
});
