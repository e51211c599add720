import { describe, expect, it } from "vitest";
import {
  analysisProgressFraction,
  asAnalysisStage,
  describeAnalysisProgress,
} from "./describe-analysis-progress";

describe("where a file stands", () => {
  it("says how many files are ahead while it waits", () => {
    expect(describeAnalysisProgress({ filesAhead: 2 })).toBe("Waiting: 2 files ahead");
    expect(describeAnalysisProgress({ filesAhead: 1 })).toBe("Waiting: 1 file ahead");
    expect(describeAnalysisProgress({ filesAhead: 0 })).toBe("Next in line");
  });

  it("names the engine's step, and the bar grows with the steps", () => {
    expect(describeAnalysisProgress({ stage: "finding_features" })).toBe("Finding features…");
    expect(describeAnalysisProgress({ stage: "pricing" })).toBe("Pricing…");
    const fractions = [
      undefined,
      "reading",
      "measuring",
      "finding_features",
      "checking_rules",
      "pricing",
    ].map((stage) => analysisProgressFraction({ stage: stage as never }));
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(new Set(fractions).size).toBe(fractions.length);
  });

  it("reads only the engine's stages", () => {
    expect(asAnalysisStage("measuring")).toBe("measuring");
    expect(asAnalysisStage("pricing")).toBeUndefined();
    expect(asAnalysisStage(null)).toBeUndefined();
  });
});
