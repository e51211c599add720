import { beforeAll, describe, expect, it } from "vitest";
import type { OpenCascadeInstance, TopoDS_Shape } from "replicad-opencascadejs";
import { initCadKernel } from "../../io/cad-kernel";
import { analyzeFile } from "../analyze-file";
import type { DfmFinding } from "../dfm-rules";
import {
  bentProfileSolid,
  box,
  brepBytes,
  cut,
  drill,
  fuse,
  rotateZ,
  type BentProfile,
} from "./bent-part-builder.test-support";

let occt: OpenCascadeInstance;
const findings = new Map<string, DfmFinding[]>();

function dfmOf(name: string, shape: () => TopoDS_Shape): DfmFinding[] {
  if (!findings.has(name)) {
    const result = analyzeFile(brepBytes(occt, shape()), `${name}.brep`);
    if (!("report" in result)) throw new Error(result.error.message);
    if (!result.report.sheetMetal?.ok)
      throw new Error(`${name}: ${JSON.stringify(result.report.sheetMetal)}`);
    findings.set(
      name,
      result.report.dfm.filter((f) => f.process === "sheet_metal" || f.process === "laser_cutting"),
    );
  }
  return findings.get(name)!;
}

const codes = (list: DfmFinding[], process: DfmFinding["process"] = "sheet_metal") =>
  list.filter((finding) => finding.process === process).map((finding) => finding.code);

const L = (overrides: Partial<BentProfile> = {}): BentProfile => ({
  path: [
    [0, 1],
    [40, 1],
    [40, 31],
  ],
  thicknessMm: 2,
  innerRadiusMm: 2,
  widthMm: 50,
  ...overrides,
});

/** A base plate 60 wide with a flange only 40 wide in its middle, with or without relief notches. */
function narrowFlange(relief: boolean): TopoDS_Shape {
  const [t, r] = [2, 2];
  const rho = r + t / 2;
  const plate = box(occt, [0, 0, 0], [40, 60, t]);
  const flange = bentProfileSolid(occt, {
    path: [
      [35, t / 2],
      [40 + rho, t / 2],
      [40 + rho, 30],
    ],
    thicknessMm: t,
    innerRadiusMm: r,
    widthMm: 40,
    yFromMm: 10,
  });
  const part = fuse(occt, plate, flange);
  return relief
    ? cut(occt, part, box(occt, [35, 7, -1], [41, 10, 5]), box(occt, [35, 50, -1], [41, 53, 5]))
    : part;
}

describe("sheet-metal DFM rules, each on a part that breaks it and one that does not", () => {
  beforeAll(async () => {
    occt = (await initCadKernel()).occt;
  }, 60_000);

  const goodL = () => cut(occt, bentProfileSolid(occt, L()), drill(occt, [15, 25, 0], [0, 0, 1], 6));

  it("passes a plain L bracket with a hole well away from its bend: no sheet-metal findings; laser cutting refuses its bend", () => {
    const list = dfmOf("good-L", goodL);
    expect(codes(list)).toEqual([]);
    expect(codes(list, "laser_cutting")).toEqual(["has_bends"]);
  });

  it("flange_too_short: a 9 mm leg at 2 mm (a 16 mm die holds 11.2 mm), not the 31 mm leg", () => {
    const list = dfmOf("short-L", () =>
      bentProfileSolid(
        occt,
        L({
          path: [
            [0, 1],
            [40, 1],
            [40, 9],
          ],
        }),
      ),
    );
    const short = list.filter((finding) => finding.code === "flange_too_short");
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({
      severity: "error",
      measured: expect.closeTo(9, 3),
      allowed: expect.closeTo(11.2, 6),
    });
    expect(short[0]!.faces.length).toBeGreaterThanOrEqual(3);
    expect(codes(dfmOf("good-L", goodL))).not.toContain("flange_too_short");
  });

  it("hole_near_bend and hole_too_small: a ⌀4 hole 5 mm from the bend (needs 6) and a ⌀1.5 hole in 2 mm sheet", () => {
    const part = () =>
      cut(
        occt,
        bentProfileSolid(occt, L()),
        drill(occt, [30, 10, 0], [0, 0, 1], 4),
        drill(occt, [8, 40, 0], [0, 0, 1], 1.5),
      );
    const list = dfmOf("holes-L", part);
    const near = list.filter((finding) => finding.code === "hole_near_bend");
    expect(near).toHaveLength(1);
    expect(near[0]).toMatchObject({ measured: expect.closeTo(5, 1), allowed: expect.closeTo(6, 6) });
    expect(near[0]!.faces.length).toBeGreaterThanOrEqual(3);
    const small = list.filter((finding) => finding.code === "hole_too_small");
    expect(small.map((finding) => finding.process).sort()).toEqual(["laser_cutting", "sheet_metal"]);
    expect(small[0]).toMatchObject({ measured: expect.closeTo(1.5, 1), allowed: expect.closeTo(2, 9) });
    const good = codes(dfmOf("good-L", goodL));
    expect(good).not.toContain("hole_near_bend");
    expect(good).not.toContain("hole_too_small");
  });

  it("bend_relief_missing: a flange narrower than its base tears at the bend's ends unless notched", () => {
    expect(codes(dfmOf("no-relief", () => narrowFlange(false)))).toContain("bend_relief_missing");
    expect(codes(dfmOf("relief", () => narrowFlange(true)))).not.toContain("bend_relief_missing");
  });

  it("bends_too_close: a Z with 2 mm straight between its bends, not one with 14 mm", () => {
    const close = dfmOf("close-Z", () =>
      bentProfileSolid(occt, {
        path: [
          [0, 1],
          [30, 1],
          [30, 9],
          [60, 9],
        ],
        thicknessMm: 2,
        innerRadiusMm: 2,
        widthMm: 30,
      }),
    );
    expect(close.filter((finding) => finding.code === "bends_too_close")).toEqual([
      expect.objectContaining({ measured: expect.closeTo(2, 3), allowed: expect.closeTo(10, 9) }),
    ]);
    const apart = dfmOf("apart-Z", () =>
      bentProfileSolid(occt, {
        path: [
          [0, 1],
          [30, 1],
          [30, 21],
          [60, 21],
        ],
        thicknessMm: 2,
        innerRadiusMm: 3,
        widthMm: 30,
      }),
    );
    expect(codes(apart)).not.toContain("bends_too_close");
  });

  it("too_thick_to_bend: 12 mm sheet with a bend, not 2 mm; too_thick_to_cut: a 22 mm plate, not 3 mm", () => {
    const thick = dfmOf("thick-L", () =>
      bentProfileSolid(occt, {
        path: [
          [0, 6],
          [120, 6],
          [120, 126],
        ],
        thicknessMm: 12,
        innerRadiusMm: 12,
        widthMm: 100,
      }),
    );
    expect(codes(thick)).toContain("too_thick_to_bend");
    expect(codes(dfmOf("good-L", goodL))).not.toContain("too_thick_to_bend");
    expect(
      codes(
        dfmOf("thick-plate", () => box(occt, [0, 0, 0], [200, 150, 22])),
        "laser_cutting",
      ),
    ).toContain("too_thick_to_cut");
    expect(
      codes(
        dfmOf("plate", () => box(occt, [0, 0, 0], [200, 150, 3])),
        "laser_cutting",
      ),
    ).toEqual([]);
  });

  it("larger_than_sheet: a 3200 mm blank, not a 200 mm one", () => {
    const long = dfmOf("long-plate", () => box(occt, [0, 0, 0], [3200, 100, 2]));
    expect(codes(long, "laser_cutting")).toEqual(["larger_than_sheet"]);
    expect(codes(long)).toEqual(["larger_than_sheet"]);
    expect(codes(dfmOf("plate", () => box(occt, [0, 0, 0], [200, 150, 3])))).not.toContain(
      "larger_than_sheet",
    );
  });

  it("flat_pattern_overlaps: two flanges on an L-shaped base's inside corner unfold onto each other", () => {
    const [t, r, H] = [2, 2, 30];
    const rho = r + t / 2;
    const [W, D, a, b] = [100, 100, 40, 40];
    const flange = (edge: number, from: number, to: number) =>
      bentProfileSolid(occt, {
        path: [
          [edge - 5, t / 2],
          [edge + rho, t / 2],
          [edge + rho, H],
        ],
        thicknessMm: t,
        innerRadiusMm: r,
        widthMm: to - from,
        yFromMm: from,
      });
    const part = () =>
      fuse(
        occt,
        box(occt, [0, 0, 0], [W, b, t]),
        box(occt, [0, 0, 0], [a, D, t]),
        flange(a, b + 10, D),
        rotateZ(occt, flange(b, -W, -(a + 10)), 90),
      );
    const list = dfmOf("overlap", part);
    expect(codes(list)).toContain("flat_pattern_overlaps");
    expect(codes(dfmOf("good-L", goodL))).not.toContain("flat_pattern_overlaps");
  });
});
