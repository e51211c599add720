import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extrudedProfileStl } from "@/tests/fixtures/extruded-profile-stl";
import { analyzeFile, type AnalysisReport } from "../analyze-file";
import { compareProcesses } from "../../pricing/compare-processes";
import { defaultPricingData as data } from "../../pricing/default-pricing-data";
import { polygonArea } from "./flat-pattern-geometry";

const today = "2026-12-07";

function report(bytes: Uint8Array, name: string): AnalysisReport {
  const result = analyzeFile(bytes, name);
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}

describe("a mesh that is a flat plate of one thickness (decision 0086)", () => {
  it("gives the outline of one side, laid flat, and is priced as laser cutting", () => {
    // An L-shaped plate 120 × 80 mm with a 70 × 50 notch, 4 mm thick (extruded along y).
    const profile: [number, number][] = [
      [0, 0],
      [120, 0],
      [120, 30],
      [50, 30],
      [50, 80],
      [0, 80],
    ];
    const plate = report(extrudedProfileStl(profile, 4), "plate.stl");
    expect(plate.sheetMetal).toMatchObject({ ok: true, thicknessMm: 4, bends: [] });
    const pattern = plate.sheetMetal!.ok ? plate.sheetMetal!.flatPattern : undefined;
    expect([pattern!.widthMm, pattern!.heightMm]).toEqual([120, 80]);
    expect(pattern!.areaMm2).toBeCloseTo(120 * 80 - 70 * 50, 3);
    expect(pattern!.cutLengthMm).toBeCloseTo(2 * (120 + 80), 3);
    expect(pattern!.pierces).toBe(1);
    expect(pattern!.outline.outer).toHaveLength(6);
    expect(polygonArea(pattern!.outline.outer)).toBeGreaterThan(0);
    const comparison = compareProcesses(plate, { quantity: 10, today }, data);
    expect(comparison.priced.map((priced) => priced.process)).toContain("laser_cutting");
    expect(comparison.priced.map((priced) => priced.process)).not.toContain("sheet_metal");
  });

  it("reads trimesh's tray bottom, a 355.6 mm square plate 3.175 mm thick with 23 holes", () => {
    const tray = report(
      new Uint8Array(readFileSync("tests/fixtures/cad/trimesh_1002_tray_bottom.stl")),
      "1002_tray_bottom.STL",
    );
    expect(tray.sheetMetal).toMatchObject({ ok: true, thicknessMm: 3.175, bends: [] });
    const pattern = tray.sheetMetal!.ok ? tray.sheetMetal!.flatPattern : undefined;
    expect([pattern!.widthMm, pattern!.heightMm]).toEqual([355.6, 355.6]);
    expect(pattern!.pierces).toBe(24);
    expect(pattern!.outline.holes).toHaveLength(23);
    expect(pattern!.areaMm2 * 3.175).toBeCloseTo(tray.volumeMm3, -2);
    const comparison = compareProcesses(tray, { quantity: 10, today }, data);
    const laser = comparison.priced.find((priced) => priced.process === "laser_cutting");
    const milled = comparison.priced.find((priced) => priced.process === "cnc_milling");
    expect(laser!.buyer.totalPriceCents).toBeLessThan(milled!.buyer.totalPriceCents);
  });

  it("says why another mesh is not unfolded, and where to upload a flat part", () => {
    // trimesh's idler riser: a printed part with steps, not one thickness.
    const riser = report(
      new Uint8Array(readFileSync("tests/fixtures/cad/trimesh_idler_riser.stl")),
      "idler_riser.STL",
    );
    expect(riser.sheetMetal).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/no flat plate of one thickness.*STEP.*DXF of its outline/),
    });
  });
});
