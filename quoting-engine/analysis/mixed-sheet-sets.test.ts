import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile, type AnalysisReport } from "./analyze-file";
import type { DisplayMesh } from "./analyze-model";
import { sheetSetOf } from "./describe-separate-parts";
import { initCadKernel } from "../io/cad-kernel";
import { quotePart } from "../pricing/quote-part";
import { defaultPricingData } from "../pricing/default-pricing-data";

// Files of several parts made by different processes (decision 0116), built by
// tests/fixtures/cad/construct-mixed-sheet-sets.ts (SOURCES.md).
const analysed: Record<string, { report: AnalysisReport; displayMesh: DisplayMesh }> = {};

beforeAll(async () => {
  await initCadKernel();
  for (const name of [
    "constructed_set_plate_and_bracket_2mm.step",
    "constructed_set_bracket_and_block.step",
  ]) {
    const result = analyzeFile(new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`)), name);
    if (!("report" in result)) throw new Error(result.error.message);
    analysed[name] = result;
  }
}, 60_000);

const today = "2027-01-11";

describe("a flat 2 mm plate and a bent 2 mm bracket in one file", () => {
  const file = () => analysed["constructed_set_plate_and_bracket_2mm.step"]!;

  it("gives the flat plate laser cutting and the bracket sheet metal, each with its own blank", () => {
    const parts = file().report.separateParts!;
    expect(parts.map((part) => part.process)).toEqual(["laser_cutting", "sheet_metal"]);
    expect(parts.map((part) => part.sheetMetal?.bends.length)).toEqual([0, 1]);
    expect(parts[0]!.sheetMetal!.flatPattern.widthMm).toBeCloseTo(120, 1);
  });

  it("runs the sheet-metal rules on each part, as a single sheet part gets them, and names the part", () => {
    const { report, displayMesh } = file();
    const sheetFindings = report.dfm.filter((finding) => finding.part !== undefined);
    const codes = sheetFindings.map((finding) => `${finding.process} ${finding.code} ${finding.part}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "laser_cutting hole_too_small 0",
        "sheet_metal hole_too_small 0",
        "sheet_metal hole_near_bend 1",
      ]),
    );
    const nearBend = sheetFindings.find((finding) => finding.code === "hole_near_bend")!;
    expect(nearBend.message).toMatch(
      /^Part 2 of 2 \(61.0 × 80.0 × 21.0 mm\): A hole is 2 mm from a bend; it needs 6 mm/,
    );
    expect(nearBend.measured).toBeCloseTo(2, 1);
    // Its faces are the file's: the bracket's (body 1) hole wall and bend, as the viewer marks them.
    const bodyOfFace = new Map<number, number>();
    displayMesh.faceIds.forEach((face, triangle) => bodyOfFace.set(face, displayMesh.bodyIds[triangle]!));
    expect(nearBend.faces.length).toBeGreaterThan(0);
    for (const face of nearBend.faces) expect(bodyOfFace.get(face)).toBe(report.separateParts![1]!.body);
  });

  it("prices the set as sheet metal, bending only the bracket, and warns with each part's findings", () => {
    const quote = quotePart(
      file().report,
      { process: "sheet_metal", materialCode: "S235JR", quantity: 1, today },
      defaultPricingData,
    );
    if (!quote.ok || quote.needsManualQuote) throw new Error(JSON.stringify(quote));
    expect(quote.breakdown.map((line) => line.label)).toContain(
      "Bending 1 bend on part 2 of 2 (the other is laser cut only)",
    );
    expect(quote.warnings.some((warning) => warning.startsWith("Part 2 of 2"))).toBe(true);
    const laser = quotePart(
      file().report,
      { process: "laser_cutting", materialCode: "S235JR", quantity: 1, today },
      defaultPricingData,
    );
    expect(laser.ok && laser.needsManualQuote && laser.cannotMake).toContain(
      "Part 2 has 1 bend: laser cutting makes flat parts; sheet metal cuts all 2 parts and bends that one.",
    );
  });
});

describe("a bent bracket and a milled block in one file", () => {
  const report = () => analysed["constructed_set_bracket_and_block.step"]!.report;

  it("gives the bracket sheet metal with its blank and the block CNC milling, and says how to order both", () => {
    const parts = report().separateParts!;
    expect(parts.map((part) => part.process)).toEqual(["sheet_metal", "cnc_milling"]);
    expect(parts[0]!.sheetMetal?.bends).toHaveLength(1);
    expect(parts[1]!.sheetMetal).toBeUndefined();
    expect(report().sheetMetal).toEqual({
      ok: false,
      reason:
        "Not sheet metal: part 2 of 2 (60.0 × 40.0 × 30.0 mm): the part is 30 mm thick; sheet is at most 25 mm. The file mixes sheet parts (part 1) with a part to be machined (part 2): one order line is made by one process, so upload the sheet parts as a file of their own to have them cut and bent.",
    });
  });

  it("does not price the set as sheet metal from the bracket's blank alone", () => {
    expect(sheetSetOf(report().separateParts!)).toBeUndefined();
    const quote = quotePart(
      report(),
      { process: "sheet_metal", materialCode: "S235JR", quantity: 1, today },
      defaultPricingData,
    );
    expect(quote.ok && quote.needsManualQuote && quote.cannotMake[0]).toMatch(
      /^Not sheet metal: part 2 of 2/,
    );
  });
});

describe("sheetSetOf", () => {
  it("takes a set of one thickness, and none of parts of different thicknesses", () => {
    const sheet = (thicknessMm: number) =>
      ({ ok: true, thicknessMm, kFactor: 0.44, bends: [], flatPattern: {} }) as never;
    expect(sheetSetOf([{ sheetMetal: sheet(2) }, { sheetMetal: sheet(2.005) }])).toHaveLength(2);
    expect(sheetSetOf([{ sheetMetal: sheet(2) }, { sheetMetal: sheet(3) }])).toBeUndefined();
    expect(sheetSetOf([{ sheetMetal: sheet(2) }])).toBeUndefined();
  });
});
