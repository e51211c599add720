import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { boxesStl } from "../../tests/fixtures/box-stl";
import { initCadKernel } from "../io/cad-kernel";
import { analyzeFile, type AnalyzeFileOptions } from "./analyze-file";
import { checkManufacturability, dfmRules, type DfmFinding } from "./dfm-rules";

function findingsOf(name: string, options: AnalyzeFileOptions = {}): DfmFinding[] {
  const bytes = name.startsWith("stl:")
    ? stlParts[name]!
    : new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`));
  const result = analyzeFile(bytes, name.replace("stl:", "") + ".stl", options);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.message}`);
  return result.report.dfm;
}

const stlParts: Record<string, Uint8Array> = {
  "stl:cube20": boxesStl([{ min: [0, 0, 0], max: [20, 20, 20] }]),
  "stl:cube-with-void": boxesStl([
    { min: [0, 0, 0], max: [30, 30, 30] },
    { min: [10, 10, 10], max: [20, 20, 20], inward: true },
  ]),
  "stl:plate-0.6": boxesStl([{ min: [0, 0, 0], max: [40, 40, 0.6] }]),
};

const find = (findings: DfmFinding[], process: DfmFinding["process"], code: string) =>
  findings.filter((finding) => finding.process === process && finding.code === code);

describe("the manufacturability rules", () => {
  beforeAll(() => initCadKernel(), 60_000);

  it("has one row per rule and process, each with a limit", () => {
    const keys = dfmRules.map((rule) => `${rule.process}/${rule.code}/${rule.materialClass ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      dfmRules.filter((rule) => rule.code === "wall_too_thin").map((rule) => [rule.process, rule.limit]),
    ).toEqual([
      ["cnc_milling", 0.8],
      ["cnc_milling", 1.5],
      ["fdm", 0.8],
      ["sla", 0.5],
      ["sls", 0.7],
      ["mjf", 0.5],
      ["metal_pbf", 0.4],
    ]);
  });

  it("milling: flags the sharp inside corners of pocket A with the radius and the tool's, not R5 pocket B", () => {
    const corners = find(
      findingsOf("synth_block_2pockets_bottomslot.step"),
      "cnc_milling",
      "internal_corner_too_sharp",
    );
    expect(corners).toEqual([
      expect.objectContaining({
        severity: "warning",
        measured: 0,
        allowed: 0.5,
        unit: "mm",
        faces: [10, 11, 12, 13, 22],
      }),
    ]);
    expect(corners[0]!.message).toContain("radius 0 mm");
    expect(corners[0]!.message).toContain("0.5 mm");
  });

  it("milling: flags a pocket 5 × deeper than wide, not the 8-deep, 20-wide pockets", () => {
    expect(
      find(findingsOf("constructed_block_deep_narrow_pocket.brep"), "cnc_milling", "pocket_too_deep"),
    ).toEqual([
      expect.objectContaining({
        measured: 5,
        allowed: 4,
        unit: "ratio",
        message: expect.stringContaining("25.0 mm deep"),
      }),
    ]);
    expect(
      find(findingsOf("synth_block_2pockets_bottomslot.step"), "cnc_milling", "pocket_too_deep"),
    ).toEqual([]);
  });

  it("milling: flags the 90 mm deep ⌀6 bore (15 × its diameter), not the plate's holes", () => {
    expect(find(findingsOf("synth_turned_stepped_shaft.step"), "cnc_milling", "hole_too_deep")).toEqual([
      expect.objectContaining({ measured: 15, allowed: 10, faces: expect.any(Array) }),
    ]);
    expect(find(findingsOf("synth_plate_4thru_1blind.step"), "cnc_milling", "hole_too_deep")).toEqual([]);
  });

  it("milling: 1 mm walls pass in metal and fail in plastic; the cube's pass both", () => {
    const walls = find(findingsOf("synth_thinwall_cup_1mm.step"), "cnc_milling", "wall_too_thin");
    expect(walls).toEqual([expect.objectContaining({ materialClass: "plastic", measured: 1, allowed: 1.5 })]);
    expect(walls[0]!.faces.length).toBeGreaterThanOrEqual(4);
    expect(find(findingsOf("synth_cube20.step"), "cnc_milling", "wall_too_thin")).toEqual([]);
    expect(
      find(findingsOf("stl:plate-0.6"), "cnc_milling", "wall_too_thin").map((f) => f.materialClass),
    ).toEqual(["metal", "plastic"]);
  });

  it("milling: flags the T-slot's undercut with its four faces, not the plate", () => {
    expect(find(findingsOf("synth_tslot_undercut.step"), "cnc_milling", "undercut")).toEqual([
      expect.objectContaining({ measured: 4, faces: expect.any(Array) }),
    ]);
    expect(find(findingsOf("synth_tslot_undercut.step"), "cnc_milling", "undercut")[0]!.faces).toHaveLength(
      4,
    );
    expect(find(findingsOf("synth_plate_4thru_1blind.step"), "cnc_milling", "undercut")).toEqual([]);
  });

  it("milling: one unreachable face reads in the singular", () => {
    // walk7: "1 face can be reached by no straight tool …; they need a T-slot …".
    const rule = dfmRules.find((entry) => entry.process === "cnc_milling" && entry.code === "undercut")!;
    const context = { features: { undercut: true, undercutFaces: [7], setups: [{}] } };
    const [finding] = rule.check(context as unknown as Parameters<typeof rule.check>[0], rule.limit);
    expect(finding?.message).toBe(
      "1 face can be reached by no straight tool from the 1 setup direction; it needs a T-slot or dovetail cutter, a 5-axis machine or EDM.",
    );
  });

  it("milling and turning: refuse a part larger than the biggest machine, accept it at its real size", () => {
    const asMetres = findingsOf("stl:cube20", { assumeUnit: "m" });
    expect(find(asMetres, "cnc_milling", "larger_than_work_envelope")).toEqual([
      expect.objectContaining({ severity: "error", measured: 20_000, allowed: 1270 }),
    ]);
    expect(find(findingsOf("stl:cube20"), "cnc_milling", "larger_than_work_envelope")).toEqual([]);
  });

  it("milling and turning: refuse a sealed void, accept a solid cube", () => {
    for (const process of ["cnc_milling", "cnc_turning"] as const) {
      expect(find(findingsOf("stl:cube-with-void"), process, "sealed_void")).toHaveLength(1);
      expect(find(findingsOf("stl:cube20"), process, "sealed_void")).toEqual([]);
    }
  });

  it("turning: refuses a prismatic block, accepts the stepped shaft", () => {
    expect(find(findingsOf("synth_cube20.step"), "cnc_turning", "not_rotational")).toHaveLength(1);
    expect(findingsOf("synth_turned_stepped_shaft.step").filter((f) => f.process === "cnc_turning")).toEqual(
      [],
    );
  });

  it("turning: asks for live tooling for a shaft's flat and cross hole", () => {
    const findings = findingsOf("constructed_shaft_flat_cross_hole.brep");
    expect(find(findings, "cnc_turning", "needs_live_tooling")).toEqual([
      expect.objectContaining({ severity: "warning", measured: 2, faces: [2, 6] }),
    ]);
    expect(find(findings, "cnc_turning", "not_rotational")).toEqual([]);
  });

  it("turning: refuses a bar larger than the biggest lathe, accepts the 30 × 90 mm shaft", () => {
    const result = analyzeFile(
      readFileSync("tests/fixtures/cad/synth_turned_stepped_shaft.step"),
      "shaft.step",
    );
    if (!("report" in result)) throw new Error(result.error.message);
    const { bbox, bodies, features } = result.report;
    const turning = (input: Parameters<typeof checkManufacturability>[0]) =>
      checkManufacturability(input).filter(
        (f) => f.code === "larger_than_work_envelope" && f.process === "cnc_turning",
      );
    expect(turning({ bbox, bodies, features })).toEqual([]);
    const tenTimes = { ...features, stock: { kind: "bar" as const, sizeMm: [300, 900] } };
    expect(turning({ bbox, bodies, features: tenTimes })).toEqual([
      expect.objectContaining({
        severity: "error",
        measured: 300,
        message: expect.stringContaining("⌀400 mm × 800 mm"),
      }),
    ]);
  });

  it("additive: each process's minimum wall against a 0.6 mm plate", () => {
    const findings = findingsOf("stl:plate-0.6");
    const failing = findings.filter((f) => f.code === "wall_too_thin" && f.process !== "cnc_milling");
    expect(failing.map((f) => [f.process, f.allowed])).toEqual([
      ["fdm", 0.8],
      ["sls", 0.7],
    ]);
    expect(failing[0]!.message).toContain("0.6 mm");
    expect(findingsOf("stl:cube20").filter((f) => f.code === "wall_too_thin")).toEqual([]);
  });

  it("additive: a sealed void traps resin or powder (not in FDM), a solid cube does not", () => {
    const findings = find(findingsOf("stl:cube-with-void"), "sla", "trapped_void");
    expect(findings).toEqual([
      expect.objectContaining({ measured: 1, message: expect.stringContaining("resin") }),
    ]);
    expect(
      findingsOf("stl:cube-with-void")
        .filter((f) => f.code === "trapped_void")
        .map((f) => f.process),
    ).toEqual(["sla", "sls", "mjf", "metal_pbf"]);
    expect(findingsOf("stl:cube20").filter((f) => f.code === "trapped_void")).toEqual([]);
  });

  it("additive: overhangs need support in FDM and metal PBF, and a cube needs none", () => {
    const findings = findingsOf("synth_block_2pockets_bottomslot.step");
    expect(find(findings, "fdm", "overhang_needs_support")).toHaveLength(1);
    expect(find(findings, "metal_pbf", "overhang_needs_support")).toHaveLength(1);
    expect(
      findings.filter(
        (f) => f.code === "overhang_needs_support" && !["fdm", "metal_pbf"].includes(f.process),
      ),
    ).toEqual([]);
    expect(findingsOf("stl:cube20").filter((f) => f.code === "overhang_needs_support")).toEqual([]);
  });

  it("additive: a 508 mm cube is larger than every build volume, a 20 mm cube fits", () => {
    const findings = findingsOf("stl:cube20", { assumeUnit: "inch" });
    expect(findings.filter((f) => f.code === "larger_than_build_volume").map((f) => f.process)).toEqual([
      "fdm",
      "sla",
      "sls",
      "mjf",
      "metal_pbf",
    ]);
    expect(findingsOf("stl:cube20").filter((f) => f.code === "larger_than_build_volume")).toEqual([]);
  });
});
