import { describe, expect, it } from "vitest";
import { boxesStl } from "../../tests/fixtures/box-stl";
import { analyzeFile } from "../../quoting-engine/analysis/analyze-file";
import { storedAnalysisSchema } from "./stored-analysis-schema";

describe("the stored analysis schema", () => {
  it("reads back a report with the wall thickness summary, and one stored before it existed", () => {
    const result = analyzeFile(boxesStl([{ min: [0, 0, 0], max: [40, 40, 0.3] }]), "sheet.stl");
    if (!("report" in result)) throw new Error(result.error.message);
    const stored = JSON.parse(JSON.stringify(result.report));
    const parsed = storedAnalysisSchema.parse(stored);
    expect(parsed.features.wallThickness?.processes.find((entry) => entry.process === "fdm")).toMatchObject({
      hardMinimumMm: 0.4,
      thinnestRegion: { thicknessMm: 0.3 },
    });
    delete stored.features.wallThickness;
    expect(storedAnalysisSchema.parse(stored).features.wallThickness).toBeUndefined();
  });
});
