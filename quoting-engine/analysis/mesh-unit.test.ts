import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeFile, type AnalyzeFileOptions, type AnalysisReport } from "./analyze-file";

function analyze(name: string, options: AnalyzeFileOptions = {}): AnalysisReport {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`));
  const result = analyzeFile(bytes, name, options);
  if ("error" in result) throw new Error(`${name}: ${result.error.message}`);
  return result.report;
}
const size = (report: AnalysisReport) => report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
const unitNotice = (report: AnalysisReport) =>
  report.notices.find((notice) => notice.code.startsWith("units_"));

describe("the unit of a file that carries none", () => {
  it("a block drawn in inches reads 2 mm long; the notice suggests inches with the size in each unit", () => {
    const report = analyze("units_block_drawn_in_inches.stl");
    expect(report.suggestedUnit).toBe("inch");
    expect(unitNotice(report)).toEqual({
      code: "units_assumed",
      severity: "warning",
      message:
        "STL files carry no unit. Read as millimetres this part is only 2 × 1.5 × 0.5 mm, which suggests it was drawn in inches: then it is 50.8 × 38.1 × 12.7 mm (in metres, 2000 × 1500 × 500 mm). Switch the unit beside the size if millimetres is wrong.",
    });
  });

  it("measured in inches when the buyer chooses them: 50.8 × 38.1 × 12.7 mm, no suggestion", () => {
    const report = analyze("units_block_drawn_in_inches.stl", { assumeUnit: "inch" });
    size(report).forEach((edge, axis) => expect(edge).toBeCloseTo([50.8, 38.1, 12.7][axis]!, 4));
    expect(report.volumeMm3).toBeCloseTo(50.8 * 38.1 * 12.7, 1);
    expect(report.suggestedUnit).toBeUndefined();
    expect(unitNotice(report)).toMatchObject({
      code: "units_chosen",
      severity: "info",
      message: expect.stringContaining("measured in inches, as chosen: 50.8 × 38.1 × 12.7 mm"),
    });
  });

  it("a block drawn in metres is suggested as metres", () => {
    const report = analyze("units_block_drawn_in_metres.stl");
    expect(report.suggestedUnit).toBe("m");
    expect(unitNotice(report)?.message).toContain(
      "suggests it was drawn in metres: then it is 60.0 × 40.0 × 20.0 mm",
    );
  });

  it("a 20 mm cube is plausible in millimetres: an information, no suggestion", () => {
    const report = analyze("synth_cube20_ascii.stl");
    expect(report.suggestedUnit).toBeUndefined();
    expect(unitNotice(report)).toMatchObject({ code: "units_assumed", severity: "info" });
  });

  it("a 3MF file's own unit is never second-guessed", () => {
    const report = analyze("3mfc_box.3mf");
    expect(unitNotice(report)).toBeUndefined();
  });
});

/** A tetrahedron with legs of `legMm` as OBJ text (no unit, read as millimetres). */
function tetrahedronObj(legMm: number): Uint8Array {
  const text = `v 0 0 0\nv ${legMm} 0 0\nv 0 ${legMm} 0\nv 0 0 ${legMm}\nf 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n`;
  return new TextEncoder().encode(text);
}

describe("a part beyond any machine in any unit", () => {
  it("refuses coordinates that overflow the measures (1e40, 1e308) with a sentence, not a TypeError", () => {
    for (const leg of [1e40, 1e308]) {
      const result = analyzeFile(tetrahedronObj(leg), "huge.obj");
      expect(result).toEqual({
        ok: false,
        error: {
          code: "malformed",
          message: expect.stringMatching(/^The part measures 1\.0e\+\d+ mm across; nothing over 100 m can be made here/),
        },
      });
    }
  });

  it("refuses a part over 100 m read in millimetres, but not one a mistaken unit blew up", () => {
    expect(analyzeFile(tetrahedronObj(2e5), "far.obj")).toMatchObject({ ok: false, error: { code: "malformed" } });
    // 200 mm drawn, metres chosen: 200 m; the buyer may switch back, so it is measured, not refused.
    const chosen = analyzeFile(tetrahedronObj(200), "plate.obj", { assumeUnit: "m" });
    expect(chosen).toMatchObject({ report: { ok: true } });
    // 90 m read in millimetres is measured (and then too large for every machine's instant price).
    expect(analyzeFile(tetrahedronObj(9e4), "hall.obj")).toMatchObject({ report: { ok: true } });
  });
});
