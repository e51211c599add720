import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analysisContractVersion, analyzeFile } from "../../quoting-engine/analysis/analyze-file";
import { analysisResultsRevision } from "../../quoting-engine/analysis/analysis-results-revision";
import { syntheticReport } from "../../tests/fixtures/synthetic-report";
import { readStoredAnalysis } from "./read-stored-analysis";

const report = syntheticReport({ sizeMm: [80, 40, 12], volumeMm3: 30_000, areaMm2: 9_000, setups: 1 });
const stored = (
  analysis: unknown,
  analysisVersion: number | null = analysisContractVersion,
  analysisRevision: number | null = analysisResultsRevision,
) => ({
  id: "part-1",
  status: "ANALYZED" as const,
  analysis: JSON.parse(JSON.stringify(analysis)),
  analysisVersion,
  analysisRevision,
});

describe("reading a part's stored analysis", () => {
  it("gives the report of the current version back whole, checked against the contract", () => {
    expect(readStoredAnalysis(stored(report))).toEqual({ kind: "current", report });
    // Rows written before the analysisVersion column was filled carry the version in the report.
    expect(readStoredAnalysis(stored(report, null))).toEqual({ kind: "current", report });
  });

  it("keeps every field of a real report the engine wrote", () => {
    const result = analyzeFile(
      new Uint8Array(readFileSync("tests/fixtures/cad/synth_cube20_ascii.stl")),
      "cube.stl",
    );
    if ("error" in result) throw new Error(result.error.message);
    expect(result.report.features.fdmLayers?.areaMm2).toHaveLength(100); // the FDM layer profile too
    expect(readStoredAnalysis(stored(result.report))).toEqual({
      kind: "current",
      report: JSON.parse(JSON.stringify(result.report)),
    });
  });

  it("calls a report of another version outdated, by its column or by its own version", () => {
    expect(readStoredAnalysis(stored(report, 0))).toEqual({ kind: "outdated" });
    expect(readStoredAnalysis(stored({ ...report, version: 0 }, null))).toEqual({ kind: "outdated" });
    expect(readStoredAnalysis(stored({ version: 0, volume: 12 }, null))).toEqual({ kind: "outdated" });
  });

  it("calls a report of an older revision of the engine's results outdated, one with none recorded current", () => {
    expect(readStoredAnalysis(stored(report, analysisContractVersion, analysisResultsRevision - 1))).toEqual({
      kind: "outdated",
    });
    expect(readStoredAnalysis(stored(report, analysisContractVersion, null))).toEqual({
      kind: "current",
      report,
    });
  });

  it("has nothing to read before the analysis or after it failed", () => {
    expect(readStoredAnalysis({ ...stored(report), status: "ANALYZING" })).toEqual({ kind: "none" });
    expect(readStoredAnalysis({ ...stored(report), status: "FAILED" })).toEqual({ kind: "none" });
    expect(readStoredAnalysis({ ...stored(report), analysis: null })).toEqual({ kind: "none" });
  });

  it("refuses a report that claims the current version but breaks the contract, instead of misreading it", () => {
    const broken = { ...report, dfm: [{ code: "thin_wall", process: "CNC_MILLING" }] };
    expect(() => readStoredAnalysis(stored(broken))).toThrow(/does not match its version/);
  });
});
