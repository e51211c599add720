import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import DxfParser from "dxf-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFlatPatternDxf } from "./write-flat-pattern-dxf";
import { flatSizeForKFactor } from "./flat-size-for-k-factor";
import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import { initCadKernel } from "../../io/cad-kernel";
import { analyzeFile, type AnalysisReport } from "../analyze-file";
import {
  bentProfileSolid,
  box,
  brepBytes,
  cut,
  drill,
  expectedFlatLengthMm,
  fuse,
  rotateZ,
  type BentProfile,
} from "./bent-part-builder.test-support";
import type { SheetMetalOk } from "./sheet-metal-types";

let occt: OpenCascadeInstance;

function analyze(shape: TopoDS_Shape, kFactor?: number): AnalysisReport {
  const result = analyzeFile(brepBytes(occt, shape), "part.brep", { sheetMetalKFactor: kFactor });
  if (!("report" in result)) throw new Error(result.error.message);
  return result.report;
}

function sheetOf(shape: TopoDS_Shape, kFactor?: number): SheetMetalOk {
  const sheet = analyze(shape, kFactor).sheetMetal;
  if (!sheet?.ok) throw new Error(`not sheet metal: ${sheet ? sheet.reason : "no block"}`);
  return sheet;
}

const L: BentProfile = {
  path: [
    [0, 1],
    [40, 1],
    [40, 31],
  ],
  thicknessMm: 2,
  innerRadiusMm: 2,
  widthMm: 50,
};

describe("sheet-metal recognition and unfolding on constructed parts", () => {
  beforeAll(async () => {
    occt = (await initCadKernel()).occt;
  }, 60_000);

  it("unfolds an L bracket: 2 mm thick, one 90° R2 bend 50 mm long, flat length from the bend allowance", () => {
    const sheet = sheetOf(bentProfileSolid(occt, L));
    expect(sheet.thicknessMm).toBeCloseTo(2, 6);
    expect(sheet.kFactor).toBe(0.44);
    expect(sheet.bends).toHaveLength(1);
    expect(sheet.bends[0]).toMatchObject({
      angleDeg: expect.closeTo(90, 3),
      innerRadiusMm: expect.closeTo(2, 6),
      lengthMm: expect.closeTo(50, 6),
    });
    expect(sheet.bends[0]!.faces).toHaveLength(2);
    const flatLength = expectedFlatLengthMm(L, 0.44);
    expect(flatLength).toBeCloseTo(40 + 30 - 2 * 3 + (Math.PI / 2) * (2 + 0.44 * 2), 9);
    const { flatPattern } = sheet;
    expect(Math.max(flatPattern.widthMm, flatPattern.heightMm)).toBeCloseTo(flatLength, 2);
    expect(Math.min(flatPattern.widthMm, flatPattern.heightMm)).toBeCloseTo(50, 4);
    expect(flatPattern.areaMm2).toBeCloseTo(flatLength * 50, 0);
    expect(flatPattern.cutLengthMm).toBeCloseTo(2 * (flatLength + 50), 1);
    expect(flatPattern.pierces).toBe(1);
    expect(flatPattern.outline.holes).toEqual([]);
    expect(flatPattern.outline.outer).toHaveLength(4);
    expect(flatPattern.bendLines).toHaveLength(1);
    const line = flatPattern.bendLines[0]!;
    expect(Math.hypot(line.to[0] - line.from[0], line.to[1] - line.from[1])).toBeCloseTo(50, 4);
    expect(line).toMatchObject({ angleDeg: expect.closeTo(90, 3), innerRadiusMm: expect.closeTo(2, 6) });
  });

  it("rescales a stored blank to another K-factor as unfolding with it would (L bracket and box)", () => {
    const atDefault = sheetOf(bentProfileSolid(occt, L));
    const unfolded = sheetOf(bentProfileSolid(occt, L), 0.3).flatPattern;
    const rescaled = flatSizeForKFactor(atDefault, 0.3);
    expect(rescaled.widthMm).toBeCloseTo(unfolded.widthMm, 3);
    expect(rescaled.heightMm).toBeCloseTo(unfolded.heightMm, 3);
    expect(rescaled.areaMm2).toBeCloseTo(unfolded.areaMm2, 1);
    expect(rescaled.cutLengthMm).toBeCloseTo(unfolded.cutLengthMm, 2);
  });

  it("takes the K-factor it is given: a larger one lengthens the blank by angle × ΔK × t", () => {
    const short = sheetOf(bentProfileSolid(occt, L), 0.3).flatPattern;
    const long = sheetOf(bentProfileSolid(occt, L), 0.5).flatPattern;
    expect(long.widthMm - short.widthMm).toBeCloseTo((Math.PI / 2) * 0.2 * 2, 3);
    expect(long.widthMm).toBeCloseTo(expectedFlatLengthMm(L, 0.5), 2);
  });

  it.each([
    {
      name: "U channel",
      profile: {
        path: [
          [0, 30],
          [0, 0],
          [40, 0],
          [40, 30],
        ],
        thicknessMm: 1.5,
        innerRadiusMm: 1,
        widthMm: 60,
      },
      angles: [90, 90],
      directions: 1,
    },
    {
      name: "Z bracket",
      profile: {
        path: [
          [0, 1],
          [30, 1],
          [30, 21],
          [60, 21],
        ],
        thicknessMm: 2,
        innerRadiusMm: 3,
        widthMm: 25,
      },
      angles: [90, 90],
      directions: 2,
    },
    {
      name: "hat section",
      profile: {
        path: [
          [0, 0],
          [20, 0],
          [20, 20],
          [50, 20],
          [50, 0],
          [70, 0],
        ],
        thicknessMm: 1.5,
        innerRadiusMm: 1.5,
        widthMm: 40,
      },
      angles: [90, 90, 90, 90],
      directions: 2,
    },
    {
      // Issue 23's bracket was quoted as milling from a 303 × 485 × 163 mm block.
      name: "1.9 mm bracket the size of the issue's (303 × 485 × 163 mm)",
      profile: {
        path: [
          [0.95, 163],
          [0.95, 0.95],
          [302.05, 0.95],
          [302.05, 163],
        ],
        thicknessMm: 1.9,
        innerRadiusMm: 1.9,
        widthMm: 485,
      },
      angles: [90, 90],
      directions: 1,
    },
    {
      name: "open 135° bend",
      profile: {
        path: [
          [0, 0],
          [30, 0],
          [50, 20],
        ],
        thicknessMm: 3,
        innerRadiusMm: 4,
        widthMm: 30,
      },
      angles: [45],
      directions: 1,
    },
  ] as { name: string; profile: BentProfile; angles: number[]; directions: number }[])(
    "unfolds a $name to the construction's flat length and bends",
    ({ profile, angles, directions }) => {
      const sheet = sheetOf(bentProfileSolid(occt, profile));
      expect(sheet.thicknessMm).toBeCloseTo(profile.thicknessMm, 6);
      expect(sheet.bends.map((bend) => bend.angleDeg)).toEqual(
        angles.map((angle) => expect.closeTo(angle, 3)),
      );
      for (const bend of sheet.bends) {
        expect(bend.innerRadiusMm).toBeCloseTo(profile.innerRadiusMm, 6);
        expect(bend.lengthMm).toBeCloseTo(profile.widthMm, 6);
      }
      expect(new Set(sheet.flatPattern.bendLines.map((line) => line.direction)).size).toBe(directions);
      const flatLength = expectedFlatLengthMm(profile, 0.44);
      const { widthMm, heightMm, areaMm2, pierces } = sheet.flatPattern;
      expect([widthMm, heightMm].sort((a, b) => b - a)).toEqual(
        [flatLength, profile.widthMm].sort((a, b) => b - a).map((value) => expect.closeTo(value, 2)),
      );
      expect(areaMm2).toBeCloseTo(flatLength * profile.widthMm, 0);
      expect(pierces).toBe(1);
      // Bend lines run across the blank, square to its flat length.
      for (const line of sheet.flatPattern.bendLines)
        expect(Math.hypot(line.to[0] - line.from[0], line.to[1] - line.from[1])).toBeCloseTo(
          profile.widthMm,
          4,
        );
    },
  );

  it("unfolds a box with four flanges and open (relieved) corners into a cross", () => {
    const [W, D, H, t, r] = [80, 60, 25, 2, 2];
    const rho = r + t / 2;
    const flange = (edge: number, length: number) =>
      bentProfileSolid(occt, {
        path: [
          [edge - 5, t / 2],
          [edge + rho, t / 2],
          [edge + rho, H],
        ],
        thicknessMm: t,
        innerRadiusMm: r,
        widthMm: length,
        yFromMm: -length / 2,
      });
    const shape = fuse(
      occt,
      box(occt, [-W / 2, -D / 2, 0], [W / 2, D / 2, t]),
      flange(W / 2, D),
      rotateZ(occt, flange(W / 2, D), 180),
      rotateZ(occt, flange(D / 2, W), 90),
      rotateZ(occt, flange(D / 2, W), -90),
    );
    const sheet = sheetOf(shape);
    expect(sheet.thicknessMm).toBeCloseTo(t, 6);
    expect(sheet.bends).toHaveLength(4);
    expect(sheet.bends.map((bend) => bend.lengthMm).sort((a, b) => a - b)).toEqual(
      [D, D, W, W].map((value) => expect.closeTo(value, 6)),
    );
    const strip = (Math.PI / 2) * (r + 0.44 * t) + (H - t / 2 - rho);
    expect(sheet.flatPattern.widthMm).toBeCloseTo(W + 2 * strip, 2);
    expect(sheet.flatPattern.heightMm).toBeCloseTo(D + 2 * strip, 2);
    expect(sheet.flatPattern.areaMm2).toBeCloseTo(W * D + 2 * (W + D) * strip, 0);
    expect(sheet.flatPattern.outline.outer).toHaveLength(12);
    expect(sheet.flatPattern.cutLengthMm).toBeCloseTo(2 * (W + D) + 8 * strip, 1);
    expect(new Set(sheet.flatPattern.bendLines.map((line) => line.direction))).toEqual(new Set(["up"]));
  });

  it("keeps holes near a bend in the flat at their distance from the bend, one pierce each", () => {
    const part = cut(
      occt,
      bentProfileSolid(occt, L),
      drill(occt, [20, 25, 0], [0, 0, 1], 6),
      drill(occt, [30, 10, 0], [0, 0, 1], 4),
      drill(occt, [40, 25, 20], [1, 0, 0], 8),
    );
    const sheet = sheetOf(part);
    const { flatPattern } = sheet;
    expect(flatPattern.pierces).toBe(4);
    expect(flatPattern.outline.holes).toHaveLength(3);
    const flatLength = expectedFlatLengthMm(L, 0.44);
    const holeArea = (Math.PI / 4) * (36 + 16 + 64);
    expect(flatPattern.areaMm2).toBeCloseTo(flatLength * 50 - holeArea, 0);
    // Round holes are cut along the display tessellation: within 0.2 % of their circumference.
    expect(flatPattern.cutLengthMm).toBeCloseTo(2 * (flatLength + 50) + Math.PI * (6 + 4 + 8), -1);
  });

  it("calls a plate with holes and a cut-out flat sheet for laser cutting: one thickness, no bends", () => {
    const plate = cut(
      occt,
      box(occt, [0, 0, 0], [120, 80, 3]),
      drill(occt, [15, 15, 0], [0, 0, 1], 8),
      drill(occt, [105, 15, 0], [0, 0, 1], 8),
      drill(occt, [60, 60, 0], [0, 0, 1], 10),
      box(occt, [40, 20, -1], [80, 40, 5]),
    );
    const sheet = sheetOf(plate);
    expect(sheet.thicknessMm).toBeCloseTo(3, 6);
    expect(sheet.bends).toEqual([]);
    expect(sheet.flatPattern).toMatchObject({
      widthMm: expect.closeTo(120, 4),
      heightMm: expect.closeTo(80, 4),
      pierces: 5,
      bendLines: [],
    });
    expect(sheet.flatPattern.areaMm2).toBeCloseTo(120 * 80 - 800 - (Math.PI / 4) * (64 + 64 + 100), 0);
  });

  it("says why a block, a plate with a boss and a thick-and-thin part are not sheet metal", () => {
    const block = analyze(box(occt, [0, 0, 0], [40, 30, 30])).sheetMetal;
    expect(block).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Not sheet metal: the part is 30 mm thick; sheet is at most 25 mm/),
    });
    const boss = fuse(occt, box(occt, [0, 0, 0], [100, 60, 2]), box(occt, [40, 20, 2], [60, 40, 8]));
    expect(analyze(boss).sheetMetal).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Not sheet metal/),
    });
    const stepped = fuse(occt, box(occt, [0, 0, 0], [100, 60, 2]), box(occt, [50, 0, 0], [100, 60, 5]));
    expect(analyze(stepped).sheetMetal).toEqual({
      ok: false,
      reason: expect.stringMatching(/^Not sheet metal: the walls are 2 mm to 5 mm thick/),
    });
  });

  it("engine analyze prints the sheetMetal block of a bent bracket, and its flat pattern writes to DXF", () => {
    const file = join(mkdtempSync(join(tmpdir(), "sheet-")), "l-bracket.brep");
    writeFileSync(file, brepBytes(occt, bentProfileSolid(occt, L)));
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "quoting-engine/cli/main.ts", "analyze", file],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as AnalysisReport;
    expect(report.sheetMetal).toMatchObject({
      ok: true,
      thicknessMm: 2,
      bends: [{ angleDeg: expect.closeTo(90, 3), innerRadiusMm: expect.closeTo(2, 6) }],
    });
    const sheet = report.sheetMetal as SheetMetalOk;
    const parsed = new DxfParser().parseSync(writeFlatPatternDxf(sheet.flatPattern, sheet.thicknessMm))!;
    expect(parsed.entities.map((entity) => `${entity.type}:${entity.layer}`)).toEqual([
      "LWPOLYLINE:CUT",
      "LINE:BEND",
      "TEXT:BEND",
      "TEXT:BEND",
    ]);
  }, 60_000);
});
