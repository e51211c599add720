import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { initCadKernel } from "../../io/cad-kernel";
import { analyzeFile } from "../analyze-file";

// A bent part nobody on the team drew: OpenAMR's motor bracket, exported by SolidWorks 2017 as STEP AP203,
// and the flat pattern DXF beside it in the same repository (tests/fixtures/cad/SOURCES.md).
describe("a SolidWorks sheet-metal bracket (OpenAMR)", () => {
  beforeAll(async () => {
    await initCadKernel();
  });

  it("is recognised as 2 mm sheet with four 90° bends, unfolded to the blank its own DXF draws", () => {
    const result = analyzeFile(
      new Uint8Array(readFileSync("tests/fixtures/cad/openamr_motor_bracket.step")),
      "bracket.step",
    );
    if (!("report" in result)) throw new Error(result.error.message);
    const sheet = result.report.sheetMetal;
    if (!sheet?.ok) throw new Error(`not sheet metal: ${sheet ? sheet.reason : "no block"}`);
    expect(sheet.thicknessMm).toBeCloseTo(2, 2);
    expect(sheet.bends.map((bend) => Math.round(bend.angleDeg))).toEqual([90, 90, 90, 90]);
    expect(sheet.flatPattern.bendLines).toHaveLength(4);
    // SolidWorks' own flat pattern (openamr_motor_bracket_flat.dxf) is 90 mm high; its bend lines sit at
    // x = ±43.2 and ±59.7, so the bends 16.5 mm apart: the unfold reaches the same blank within 1 mm.
    expect(Math.min(sheet.flatPattern.widthMm, sheet.flatPattern.heightMm)).toBeCloseTo(90, 0);
    const bendXs = sheet.flatPattern.bendLines.map((line) => line.from[0]).sort((a, b) => a - b);
    expect(bendXs[1]! - bendXs[0]!).toBeCloseTo(59.67 - 43.22, 0);
  });
});
