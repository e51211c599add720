import { describe, expect, it } from "vitest";
import type { SheetMetalResult } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";
import { boxesStl } from "../../tests/fixtures/box-stl";
import { analyzeFile } from "../../quoting-engine/analysis/analyze-file";
import { storedAnalysisSchema } from "./stored-analysis-schema";
import { sheetMetalAnalysisSchema } from "./sheet-metal-analysis-schema";

const bracket: SheetMetalResult = {
  ok: true,
  thicknessMm: 2,
  kFactor: 0.44,
  bends: [{ angleDeg: 90, innerRadiusMm: 2, lengthMm: 50, faces: [1, 7] }],
  flatPattern: {
    widthMm: 68.5239,
    heightMm: 50,
    areaMm2: 3426.2,
    cutLengthMm: 237.05,
    pierces: 1,
    outline: {
      outer: [
        [0, 0],
        [68.5239, 0],
        [68.5239, 50],
        [0, 50],
      ],
      holes: [],
    },
    bendLines: [{ from: [39.26, 0], to: [39.26, 50], angleDeg: 90, direction: "up", innerRadiusMm: 2 }],
  },
};

describe("stored sheet-metal block", () => {
  it("keeps the engine's sheet-metal result and its reason when the part is not sheet metal", () => {
    expect(sheetMetalAnalysisSchema.parse(bracket)).toEqual(bracket);
    const not = { ok: false, reason: "Not sheet metal: the walls are 2 mm to 8 mm thick." } as const;
    expect(sheetMetalAnalysisSchema.parse(not)).toEqual(not);
  });

  it("refuses a bend line without a direction and a K-factor above 1", () => {
    const { bendLines: _lines, ...flat } = bracket.flatPattern;
    expect(
      sheetMetalAnalysisSchema.safeParse({
        ...bracket,
        flatPattern: { ...flat, bendLines: [{ from: [0, 0], to: [0, 1], angleDeg: 90, innerRadiusMm: 1 }] },
      }).success,
    ).toBe(false);
    expect(sheetMetalAnalysisSchema.safeParse({ ...bracket, kFactor: 1.2 }).success).toBe(false);
  });

  it("is part of the stored analysis, and sheet-metal findings pass its process list", () => {
    const result = analyzeFile(boxesStl([{ min: [0, 0, 0], max: [40, 40, 2] }]), "plate.stl");
    if (!("report" in result)) throw new Error(result.error.message);
    const stored = JSON.parse(JSON.stringify(result.report));
    // A mesh plate of one thickness is a flat part (decision 0086): the stored block keeps its blank.
    expect(stored.sheetMetal).toMatchObject({ ok: true, thicknessMm: 2, bends: [] });
    expect(storedAnalysisSchema.parse(stored).sheetMetal).toEqual(stored.sheetMetal);
    const finding = {
      code: "hole_near_bend",
      process: "sheet_metal",
      severity: "warning",
      message: "A hole is 5 mm from a bend",
      measured: 5,
      allowed: 6,
      unit: "mm",
      faces: [3],
    };
    const withSheet = {
      ...stored,
      sheetMetal: bracket,
      dfm: [finding, { ...finding, process: "laser_cutting" }],
    };
    expect(storedAnalysisSchema.parse(withSheet)).toMatchObject({
      sheetMetal: bracket,
      dfm: [finding, { process: "laser_cutting" }],
    });
    expect(
      storedAnalysisSchema.safeParse({ ...withSheet, dfm: [{ ...finding, process: "waterjet" }] }).success,
    ).toBe(false);
    delete stored.sheetMetal;
    expect(storedAnalysisSchema.parse(stored).sheetMetal).toBeUndefined();
  });
});
