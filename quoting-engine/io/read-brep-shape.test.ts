import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { analyzeFile, type AnalysisReport } from "../analysis/analyze-file";
import { getCadKernel, loadIgesKernel } from "./cad-kernel";
import { readBrepShape } from "./read-brep-shape";
import type { MeshPart } from "./cad-model";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/cad/${name}`));

function analyze(name: string): AnalysisReport {
  const result = analyzeFile(fixture(name), name);
  if (!("report" in result)) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.report;
}

const size = (report: AnalysisReport) => report.bbox.max.map((value, axis) => value - report.bbox.min[axis]!);
const countTypes = (report: AnalysisReport) =>
  report.faces.reduce<Record<string, number>>(
    (counts, face) => ({ ...counts, [face.type]: (counts[face.type] ?? 0) + 1 }),
    {},
  );

describe("STEP, BREP and IGES through the CAD kernel", () => {
  beforeAll(() => loadIgesKernel(), 60_000);

  it("measures a constructed 20 mm cube exactly, with six plane faces", () => {
    const report = analyze("synth_cube20.step");
    expect(report).toMatchObject({ file: { format: "step" }, sourceUnit: "mm" });
    expect(report.volumeMm3).toBeCloseTo(8000, 9);
    expect(report.areaMm2).toBeCloseTo(2400, 9);
    expect(report.bbox).toEqual({ min: [0, 0, 0], max: [20, 20, 20] });
    expect(countTypes(report)).toEqual({ plane: 6 });
  });

  it("gives a turned shaft's exact volume, its 30.00 mm diameter, and every cylinder's radius and axis", () => {
    const report = analyze("synth_turned_stepped_shaft.step");
    expect(report.volumeMm3).toBeCloseTo(37416.3685, 3);
    expect(report.areaMm2).toBeCloseTo(9462.4771, 3);
    expect(size(report)[0]).toBeCloseTo(30, 6);
    const cylinders = report.faces.filter((face) => face.type === "cylinder");
    expect(cylinders.map((face) => face.radiusMm! * 2).sort((a, b) => a - b)).toEqual(
      [6, 12, 20, 30].map((d) => expect.closeTo(d, 6)),
    );
    for (const cylinder of cylinders) expect(Math.abs(cylinder.axis![2])).toBeCloseTo(1, 9);
  });

  it("finds the cone of a conical surface with its radius and half angle", () => {
    const report = analyze("occt_conical_surface.step");
    expect(countTypes(report)).toEqual({ cylinder: 2, plane: 2, cone: 1 });
    expect(report.volumeMm3).toBeCloseTo(2518.885, 2);
    const cone = report.faces.find((face) => face.type === "cone")!;
    expect(cone.radiusMm).toBeGreaterThan(0);
    expect(cone.halfAngleDeg).toBeCloseTo(45, 6);
    expect(Math.hypot(...cone.axis!)).toBeCloseTo(1, 9);
  });

  it("reports a file drawn in inches and converts it to millimetres", () => {
    const report = analyze("occt_cube_units_in.step");
    expect(report.sourceUnit).toBe("inch");
    expect(report.volumeMm3).toBeCloseTo(1e9, 0);
    expect(size(report)).toEqual([1000, 1000, 1000].map((value) => expect.closeTo(value, 6)));
  });

  it("counts two solids and flags that they are quoted together", () => {
    const report = analyze("cadquery_red_cube_blue_cylinder_2bodies.step");
    expect(report.bodies.filter((body) => body.closed)).toHaveLength(2);
    expect(report.volumeMm3).toBeCloseTo(1785.398, 2);
    expect(report.notices.map((notice) => notice.code)).toContain("multiple_bodies");
  });

  it("keeps full precision for a cube a thousand kilometres from the origin", () => {
    const report = analyze("synth_cube10_far_from_origin.step");
    expect(report.volumeMm3).toBeCloseTo(1000, 6);
    expect(report.bbox.min).toEqual(
      [1234567.891, 2345678.912, -345678.123].map((value) => expect.closeTo(value, 6)),
    );
    expect(size(report)).toEqual([10, 10, 10].map((value) => expect.closeTo(value, 6)));
  });

  it("tags every display triangle with a face id that exists", () => {
    const result = analyzeFile(fixture("synth_block_fillets_R5.step"), "block.step");
    if (!("report" in result)) throw new Error(result.error.message);
    const { faceIds } = result.displayMesh;
    expect(faceIds.length).toBeGreaterThan(0);
    const ids = new Set(faceIds);
    expect([...ids].every((id) => id >= 0 && id < result.report.faces.length)).toBe(true);
    expect(ids.size).toBe(result.report.faces.length);
  });

  it("reads an OpenCascade BREP assembly of 18 solids", () => {
    const report = analyze("occt_as1_pe_203.brep");
    expect(report.file.format).toBe("brep");
    expect(report.bodies.filter((body) => body.closed)).toHaveLength(18);
    expect(report.volumeMm3).toBeCloseTo(12551372544.562, -1);
  });

  it("gives each solid of an assembly OpenCascade's own area to the last bit (its faces' areas added in order)", () => {
    const name = "occt_as1_pe_203.brep";
    const report = analyze(name);
    const { occt } = getCadKernel()!;
    const shape = occt.BRepToolsWrapper.Read(new TextDecoder().decode(fixture(name)));
    const kernelAreas: number[] = [];
    const T = occt.TopAbs_ShapeEnum;
    const explorer = new occt.TopExp_Explorer(shape, T.TopAbs_SOLID as never, T.TopAbs_SHAPE as never);
    for (; explorer.More(); explorer.Next()) {
      const solid = explorer.Current();
      const props = new occt.GProp_GProps();
      occt.BRepGProp.SurfaceProperties(solid, props, false, false);
      kernelAreas.push(props.Mass());
      [props, solid].forEach((object) => object.delete());
    }
    [explorer, shape].forEach((object) => object.delete());
    expect(kernelAreas).toHaveLength(18);
    expect(report.bodies.map((body) => body.areaMm2)).toEqual(kernelAreas);
  });

  it("integrates each repeated shape of an assembly once and places its copies as if each were measured", () => {
    const bytes = fixture("occt_as1_pe_203.brep");
    const everyCopy = readBrepShape("brep", bytes, { measureEveryCopy: true });
    const { occt } = getCadKernel()!;
    const integrate = vi.spyOn(occt.BRepGProp, "VolumeProperties");
    const once = readBrepShape("brep", bytes);
    const integratedSolids = integrate.mock.calls.length;
    integrate.mockRestore();
    if (!everyCopy.ok || !once.ok) throw new Error("the assembly did not read");
    // 18 solids placing 5 shapes: one volume integral per shape.
    expect([everyCopy.value.parts.length, integratedSolids]).toEqual([18, 5]);
    const close = (value: number, scaleMm = Math.abs(value)) =>
      expect.closeTo(value, -Math.log10(1e-9 * (scaleMm || 1)));
    once.value.parts.forEach((part, index) => {
      const measured = everyCopy.value.parts[index]!;
      expect(part.exact!.volumeMm3).toEqual(close(measured.exact!.volumeMm3));
      expect(part.exact!.areaMm2).toEqual(close(measured.exact!.areaMm2));
      expect(part.exact!.bbox).toEqual(measured.exact!.bbox);
      expect(part.positions).toEqual(measured.positions);
      expect(part.faceIds).toEqual(measured.faceIds);
    });
    // Each copy's faces where the copy lies: axes turned, origins moved (to a nanometre in a 5 m assembly).
    expect(once.value.faces).toHaveLength(everyCopy.value.faces.length);
    once.value.faces.forEach((face, index) => {
      const measured = everyCopy.value.faces[index]!;
      expect(face).toEqual({
        ...measured,
        areaMm2: close(measured.areaMm2),
        ...(measured.radiusMm === undefined ? {} : { radiusMm: close(measured.radiusMm) }),
        ...(measured.axis ? { axis: measured.axis.map((value) => close(value, 1)) } : {}),
        ...(measured.originMm ? { originMm: measured.originMm.map((value) => close(value, 5000)) } : {}),
      });
    });
  });

  it("meshes each repeated shape of an assembly once: its copies take its triangles, their vertices where the kernel puts them", () => {
    const bytes = fixture("occt_as1_pe_203.brep");
    const meshedEach = readBrepShape("brep", bytes, { meshEveryCopy: true });
    const { occt } = getCadKernel()!;
    const mesh = vi.spyOn(occt.ReplicadMeshExtractor, "extract");
    const placed = readBrepShape("brep", bytes);
    const meshings = mesh.mock.calls.length;
    mesh.mockRestore();
    if (!meshedEach.ok || !placed.ok) throw new Error("the assembly did not read");
    const triangleLists = (parts: MeshPart[]) => new Set(parts.map((part) => part.indices.join(","))).size;
    // 18 solids placing 5 shapes: 5 meshings, and every copy has its shape's triangles (meshed again in
    // its own placement, a copy of one shape took other diagonals: more lists than shapes).
    expect([placed.value.parts.length, meshings, triangleLists(placed.value.parts)]).toEqual([18, 5, 5]);
    expect(triangleLists(meshedEach.value.parts)).toBeGreaterThan(5);
    // The vertices are the kernel's, bit for bit: its nodes moved by the copy's placement in float64.
    placed.value.parts.forEach((part, index) => {
      const meshed = meshedEach.value.parts[index]!;
      expect(Buffer.from(part.positions.buffer).equals(Buffer.from(meshed.positions.buffer))).toBe(true);
      expect(part.faceIds).toEqual(meshed.faceIds);
      expect(part.exact).toEqual(meshed.exact);
    });
  });

  it("reads an IGES cube through the second kernel", () => {
    const report = analyze("occt_cube10x10.igs");
    expect(report.file.format).toBe("iges");
    expect(report.volumeMm3).toBeCloseTo(1000, 6);
    expect(report.faces).toHaveLength(6);
    expect(report.faces.reduce((sum, face) => sum + face.areaMm2, 0)).toBeCloseTo(600, 6);
  });

  it.each([
    ["empty.step", "empty_file"],
    ["truncated_caxif_io1-tu-203.stp", "truncated"],
  ])("refuses %s with %s", (name, code) => {
    expect(analyzeFile(fixture(name), name)).toMatchObject({ ok: false, error: { code } });
  });

  it.each([
    ["a trailing comment", "\n/* written by ACME CAD 12 */\n"],
    ["blank lines and NUL padding", "\n\n\n" + "\0".repeat(300)],
    ["a signature section", "\nSIGNATURE\nMIIBaWFiY2Rl==\nENDSEC;\n"],
  ])("reads a STEP file with %s after END-ISO-10303-21; (ISO 10303-21:2016 allows it)", (_, trailer) => {
    const text = new TextDecoder().decode(fixture("synth_cube20.step")) + trailer;
    const result = analyzeFile(new TextEncoder().encode(text), "trailer.step");
    if (!("report" in result)) throw new Error(`${result.error.code}: ${result.error.message}`);
    expect(result.report.volumeMm3).toBeCloseTo(8000, 9);
  });

  it("refuses a STEP file with entities after END-ISO-10303-21; as malformed, not truncated", () => {
    const text =
      new TextDecoder().decode(fixture("synth_cube20.step")) + "\n#999=CARTESIAN_POINT('',(0.,0.,0.));\n";
    expect(analyzeFile(new TextEncoder().encode(text), "extra.step")).toMatchObject({
      ok: false,
      error: { code: "malformed" },
    });
  });

  it("refuses a STEP file whose data section is damaged, naming the problem", () => {
    const text = new TextDecoder()
      .decode(fixture("synth_cube20.step"))
      .replaceAll("CARTESIAN_POINT", "CARTESIAN_PIONT");
    const result = analyzeFile(new TextEncoder().encode(text), "broken.step");
    expect(result).toMatchObject({ ok: false });
    if ("error" in result) expect(["malformed", "no_solid"]).toContain(result.error.code);
  });
});
