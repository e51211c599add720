import { readFileSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile } from "../analysis/analyze-file";
import { prepareCadKernel } from "./prepare-cad-kernel";
import { detectFormat, formatSniffBytes } from "./detect-format";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`));

// Real files of every format the engine reads, told apart by their content alone (their names say
// nothing here), from the whole file and from its first 4 KB as the browser and the upload read it.
const files = [
  ["nist_ftc_06_asme1_ap242-e2.stp", "step"],
  ["occt_cube10x10.igs", "iges"],
  ["occt_as1_pe_203.brep", "brep"],
  ["far_from_origin_cube10_binary.stl", "stl"],
  ["o3dv_stl_ascii.stl", "stl"],
  ["o3dv_icosahedron.obj", "obj"],
  ["3mfc_box.3mf", "3mf"],
  ["laser_plate_160x90.dxf", "dxf"],
] as const;

describe("telling a CAD file's format from its content", () => {
  it("knows each format from the whole file and from its head with the file's size", () => {
    for (const [name, format] of files) {
      const bytes = fixture(name);
      expect([name, detectFormat(bytes)]).toEqual([name, format]);
      expect([name, detectFormat(bytes.subarray(0, formatSniffBytes), bytes.length)]).toEqual([name, format]);
    }
  });

  it("takes a zip for 3MF only when it holds a 3D model part", () => {
    const zippedStep = zipSync({ "bracket.step": strToU8("ISO-10303-21;\nHEADER;\nENDSEC;\n") });
    expect(detectFormat(zippedStep)).toBeUndefined();
    const package3mf = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "3D/3dmodel.model": strToU8("<model/>"),
    });
    expect(detectFormat(package3mf)).toBe("3mf");
  });
});

describe("a file whose name has no CAD extension", () => {
  beforeAll(async () => {
    await prepareCadKernel(fixture("nist_ftc_06_asme1_ap242-e2.stp"));
  }, 60_000);

  it("is read by its content and the report says so", () => {
    const step = fixture("occt_as1_pe_203.brep");
    for (const [name, words] of [
      ["box_sides", "Read as BREP (the name had no extension)."],
      ["box_sides.txt", "Read as BREP (.txt is no CAD extension; the content is BREP)."],
      ["box_sides.stl", "Read as BREP (the name ends in .stl, but the content is BREP)."],
    ] as const) {
      const result = analyzeFile(step, name, { recognizeFeatures: false });
      if (!("report" in result)) throw new Error(result.error.message);
      expect(result.report.file.format).toBe("brep");
      expect(result.report.notices.find((notice) => notice.code === "format_from_content")?.message).toBe(
        words,
      );
    }
    const named = analyzeFile(step, "as1.brep", { recognizeFeatures: false });
    if (!("report" in named)) throw new Error(named.error.message);
    expect(named.report.notices.map((notice) => notice.code)).not.toContain("format_from_content");
  });

  it("refuses a zip of other files with what to do", () => {
    const result = analyzeFile(zipSync({ "bracket.step": strToU8("ISO-10303-21;") }), "parts");
    expect(result).toMatchObject({ ok: false, error: { code: "unsupported_format" } });
    expect("error" in result && result.error.message).toMatch(/ZIP archive with no 3MF model.*unpack it/);
  });
});
