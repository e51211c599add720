import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../../analysis/analyze-file";
import { compareProcesses } from "../../pricing/compare-processes";
import { defaultPricingData as data } from "../../pricing/default-pricing-data";
import { quotePart } from "../../pricing/quote-part";
import { detectFormat } from "../detect-format";

const plate = new Uint8Array(readFileSync("tests/fixtures/cad/laser_plate_160x90.dxf"));
const today = "2026-12-07";

// The plate: 160 × 90 with R10 corners, two ⌀8.5 holes and a ⌀30 hole (written by @tarikjabiri/dxf).
const outlineArea = 160 * 90 - (4 - Math.PI) * 100;
const holesArea = 2 * Math.PI * 4.25 ** 2 + Math.PI * 15 ** 2;
const cutLength = 2 * (140 + 70) + 2 * Math.PI * 10 + 2 * Math.PI * 4.25 * 2 + 2 * Math.PI * 15;

describe("a DXF drawing uploaded as a part (issue 23)", () => {
  it("is told from its content and read as a flat part at the default 2 mm, without a 3D view", () => {
    expect(detectFormat(plate)).toBe("dxf");
    const result = analyzeFile(plate, "plate.dxf");
    if (!("report" in result)) throw new Error(result.error.message);
    const { report, displayMesh } = result;
    expect(report.file.format).toBe("dxf");
    expect(displayMesh.indices).toHaveLength(0);
    expect(report.sheetMetal).toMatchObject({ ok: true, thicknessMm: 2, bends: [] });
    const pattern = report.sheetMetal!.ok ? report.sheetMetal!.flatPattern : undefined;
    expect([pattern!.widthMm, pattern!.heightMm]).toEqual([160, 90]);
    expect(pattern!.pierces).toBe(4);
    expect(pattern!.areaMm2).toBeCloseTo(outlineArea - holesArea, -1);
    expect(pattern!.cutLengthMm).toBeCloseTo(cutLength, 0);
    expect(report.volumeMm3).toBeCloseTo(pattern!.areaMm2 * 2, 3);
  });

  it("tells a binary DXF to be exported as ASCII, not that it is an STL of 600 million triangles", () => {
    const binary = new Uint8Array(readFileSync("tests/fixtures/cad/ezdxf_binary_r12.dxf"));
    expect(detectFormat(binary)).toBe("dxf");
    expect(analyzeFile(binary, "bracket.dxf")).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("export the drawing again as an ASCII DXF") },
    });
  });

  it("takes the buyer's thickness, and refuses one no sheet has", () => {
    const result = analyzeFile(plate, "plate.dxf", { drawingThicknessMm: 3 });
    expect("report" in result && result.report.sheetMetal).toMatchObject({ ok: true, thicknessMm: 3 });
    expect(analyzeFile(plate, "plate.dxf", { drawingThicknessMm: 0.1 })).toMatchObject({ ok: false });
  });

  it("is priced as laser cutting alone: 3 mm steel has a price, the other processes are not listed", () => {
    const result = analyzeFile(plate, "plate.dxf", { drawingThicknessMm: 3 });
    if (!("report" in result)) throw new Error(result.error.message);
    const quote = quotePart(
      result.report,
      { process: "laser_cutting", materialCode: "S235JR", quantity: 10, today },
      data,
    );
    expect(quote).toMatchObject({ ok: true, needsManualQuote: false, process: "laser_cutting" });
    const comparison = compareProcesses(result.report, { quantity: 10, today }, data);
    expect(comparison.priced.map((priced) => priced.process)).toEqual(["laser_cutting"]);
    expect(comparison.manual).toEqual([]);
    const milled = quotePart(
      result.report,
      {
        process: "cnc_milling",
        materialCode: data.materials.find((m) => m.processes.includes("cnc_milling"))!.code,
        quantity: 10,
        today,
      },
      data,
    );
    expect(milled).toMatchObject({
      ok: true,
      needsManualQuote: true,
      cannotMake: [expect.stringContaining("laser cutting")],
    });
  });

  it("says where an open contour is open, for the buyer to fix or ask for a manual quote", () => {
    // Take away the bottom edge (the first LINE entity, up to the next group code 0): the outline is open.
    const lines = new TextDecoder().decode(plate).split(/\r?\n/);
    const first = lines.indexOf("LINE");
    const next = lines.findIndex(
      (line, index) => index > first && index % 2 !== first % 2 && line.trim() === "0",
    );
    const broken = new TextEncoder().encode([...lines.slice(0, first - 1), ...lines.slice(next)].join("\n"));
    expect(analyzeFile(broken, "plate.dxf")).toMatchObject({
      ok: false,
      error: { code: "open_contour", message: expect.stringContaining("The contour is open near") },
    });
  });
});
