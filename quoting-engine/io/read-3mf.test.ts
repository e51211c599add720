import { volumeMm3, bounds, ok, failure, totalVolume } from "../../tests/fixtures/cad-model-measures";
import { readFileSync } from "node:fs";
import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import type { CadModel } from "./cad-model";
import { read3mf } from "./read-3mf";
import { buildZip } from "../../tests/fixtures/zip-archive-builder";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/cad/${name}`, import.meta.url)));

const triangleCount = (model: CadModel): number =>
  model.parts.reduce((sum, part) => sum + part.indices.length / 3, 0);

const CORE = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02";
const PRODUCTION = "http://schemas.microsoft.com/3dmanufacturing/production/2015/06";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>' +
  "</Relationships>";

/** A unit cube (edge `size`) as a 3MF mesh object, outward-facing triangles. */
function cubeObject(id: number, size = 1, attributes = ""): string {
  const s = size;
  const vertices = [
    [0, 0, 0],
    [s, 0, 0],
    [s, s, 0],
    [0, s, 0],
    [0, 0, s],
    [s, 0, s],
    [s, s, s],
    [0, s, s],
  ];
  const triangles = [
    [3, 2, 1],
    [1, 0, 3],
    [4, 5, 6],
    [6, 7, 4],
    [0, 1, 5],
    [5, 4, 0],
    [1, 2, 6],
    [6, 5, 1],
    [2, 3, 7],
    [7, 6, 2],
    [3, 0, 4],
    [4, 7, 3],
  ];
  return (
    `<object id="${id}" type="model" ${attributes}><mesh><vertices>` +
    vertices.map(([x, y, z]) => `<vertex x="${x}" y="${y}" z="${z}"/>`).join("") +
    "</vertices><triangles>" +
    triangles.map(([a, b, c]) => `<triangle v1="${a}" v2="${b}" v3="${c}"/>`).join("") +
    "</triangles></mesh></object>"
  );
}

function modelXml(resources: string, build: string, modelAttributes = 'unit="millimeter"'): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><model ${modelAttributes} xmlns="${CORE}" xmlns:p="${PRODUCTION}">` +
    `<resources>${resources}</resources><build>${build}</build></model>`
  );
}

function package3mf(files: Record<string, string>, withRels = true): Uint8Array {
  const zippable: Zippable = {};
  if (withRels) zippable["_rels/.rels"] = strToU8(ROOT_RELS);
  for (const [name, text] of Object.entries(files)) zippable[name] = strToU8(text);
  return zipSync(zippable);
}

describe("read3mf on the 3MF Consortium samples", () => {
  it("reads the 10 x 20 x 30 mm box", () => {
    const model = ok(read3mf(fixture("3mfc_box.3mf")));
    expect(model.format).toBe("3mf");
    expect(model.sourceUnit).toBe("mm");
    expect(model.scaleToMm).toBe(1);
    expect(model.faces).toEqual([]);
    expect(model.parts).toHaveLength(1);
    expect(triangleCount(model)).toBe(12);
    expect(totalVolume(model)).toBeCloseTo(6000, 6);
    expect(bounds(model.parts).size).toEqual([10, 20, 30]);
  });

  it("reads the Production-extension box at its build position", () => {
    const model = ok(read3mf(fixture("3mfc_box_prod.3mf")));
    expect(model.parts).toHaveLength(1);
    expect(model.parts[0]?.name).toBe("box");
    expect(totalVolume(model)).toBeCloseTo(6000, 6);
    const box = bounds(model.parts);
    expect(box.min[0]).toBeCloseTo(35, 9);
    expect(box.min[1]).toBeCloseTo(33, 9);
    expect(box.min[2]).toBeCloseTo(16.92, 9);
    expect(box.size.map((v) => +v.toFixed(9))).toEqual([10, 20, 30]);
  });

  it("reads the 17 gears and cubes as 17 named parts", () => {
    const model = ok(read3mf(fixture("3mfc_cube_gears.3mf")));
    expect(model.parts).toHaveLength(17);
    expect(model.parts.map((part) => part.name)).toContain("cube 7");
    expect(model.parts[0]?.name).toBe("gear 1");
    expect(triangleCount(model)).toBe(25692);
    expect(totalVolume(model)).toBeCloseTo(112366.33, 1);
    const size = bounds(model.parts).size;
    expect(size[0]).toBeCloseTo(167.9958, 3);
    expect(size[1]).toBeCloseTo(125.1019, 3);
    expect(size[2]).toBeCloseTo(33.6013, 3);
  });

  it("reads the faceted cylinder", () => {
    const model = ok(read3mf(fixture("3mfc_cylinder.3mf")));
    expect(triangleCount(model)).toBe(88);
    expect(totalVolume(model)).toBeCloseTo(6198.102, 2);
  });
});

describe("read3mf structure", () => {
  it("scales inches to millimetres by 25.4", () => {
    const bytes = package3mf({
      "3D/3dmodel.model": modelXml(cubeObject(1), '<item objectid="1"/>', 'unit="inch"'),
    });
    const model = ok(read3mf(bytes));
    expect(model.sourceUnit).toBe("inch");
    expect(model.scaleToMm).toBe(25.4);
    expect(bounds(model.parts).size).toEqual([25.4, 25.4, 25.4]);
    expect(totalVolume(model)).toBeCloseTo(25.4 ** 3, 6);
  });

  it.each([
    ["micron", "micron", 0.001],
    ["centimeter", "cm", 10],
    ["meter", "m", 1000],
    ["foot", "ft", 304.8],
  ])("reads unit %s as %s", (unitName, sourceUnit, scale) => {
    const bytes = package3mf({
      "3D/3dmodel.model": modelXml(cubeObject(1), '<item objectid="1"/>', `unit="${unitName}"`),
    });
    const model = ok(read3mf(bytes));
    expect(model.sourceUnit).toBe(sourceUnit);
    expect(bounds(model.parts).size[0]).toBeCloseTo(scale, 12);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "refuses unit=%s as an unknown unit instead of finding Object's own members",
    (unitName) => {
      const bytes = package3mf({
        "3D/3dmodel.model": modelXml(cubeObject(1), '<item objectid="1"/>', `unit="${unitName}"`),
      });
      expect(failure(read3mf(bytes)).message).toContain(`unknown unit "${unitName}"`);
    },
  );

  it("defaults to millimetres and falls back to 3D/3dmodel.model without package relationships", () => {
    const bytes = package3mf(
      { "3D/3dmodel.model": modelXml(cubeObject(1, 5), '<item objectid="1"/>', "") },
      false,
    );
    const model = ok(read3mf(bytes));
    expect(model.sourceUnit).toBe("mm");
    expect(totalVolume(model)).toBeCloseTo(125, 9);
  });

  it("finds a root model wherever the package relationships point", () => {
    const rels = ROOT_RELS.replace("/3D/3dmodel.model", "/3D/main part.model");
    const bytes = zipSync({
      "_rels/.rels": strToU8(rels),
      "3D/main part.model": strToU8(modelXml(cubeObject(1, 2), '<item objectid="1"/>')),
    });
    expect(totalVolume(ok(read3mf(bytes)))).toBeCloseTo(8, 9);
  });

  it("composes component and build-item transforms, one part per placed instance", () => {
    const resources =
      cubeObject(1, 1, 'name="cube"') +
      '<object id="2" type="model" name="pair"><components>' +
      '<component objectid="1"/>' +
      '<component objectid="1" transform="2 0 0 0 2 0 0 0 2 10 0 0"/>' +
      "</components></object>";
    const build = '<item objectid="2" transform="1 0 0 0 1 0 0 0 1 0 0 5"/>';
    const model = ok(read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, build) })));
    expect(model.parts).toHaveLength(2);
    expect(model.parts.map((part) => part.name)).toEqual(["cube", "cube"]);
    expect(bounds([model.parts[0]!])).toMatchObject({ min: [0, 0, 5], max: [1, 1, 6] });
    expect(bounds([model.parts[1]!])).toMatchObject({ min: [10, 0, 5], max: [12, 2, 7] });
    expect(volumeMm3(model.parts[1]!)).toBeCloseTo(8, 9);
    // Instances may be edited independently downstream.
    expect(model.parts[0]!.indices).not.toBe(model.parts[1]!.indices);
  });

  it("keeps a mirrored instance's volume positive by reversing its winding", () => {
    const build = '<item objectid="1" transform="-1 0 0 0 1 0 0 0 1 0 0 0"/>';
    const model = ok(read3mf(package3mf({ "3D/3dmodel.model": modelXml(cubeObject(1, 2), build) })));
    expect(bounds(model.parts).min).toEqual([-2, 0, 0]);
    expect(volumeMm3(model.parts[0]!)).toBeCloseTo(8, 9);
  });

  it("follows p:path into other model parts of the package (Production extension)", () => {
    const child = modelXml(cubeObject(7, 3, 'name="remote"'), "");
    const root = modelXml(
      '<object id="1" type="model"><components>' +
        '<component objectid="7" p:path="/3D/Objects/child.model" transform="1 0 0 0 1 0 0 0 1 100 0 0"/>' +
        "</components></object>",
      '<item objectid="1"/><item objectid="7" p:path="/3D/Objects/child.model"/>',
      'unit="millimeter" requiredextensions="p"',
    );
    const model = ok(read3mf(package3mf({ "3D/3dmodel.model": root, "3D/Objects/child.model": child })));
    expect(model.parts).toHaveLength(2);
    expect(model.parts.map((part) => part.name)).toEqual(["remote", "remote"]);
    expect(bounds([model.parts[0]!]).min).toEqual([100, 0, 0]);
    expect(bounds([model.parts[1]!]).min).toEqual([0, 0, 0]);
    expect(model.notices).toEqual([]);
  });

  it("skips support and other objects with an info notice", () => {
    const resources = cubeObject(1) + cubeObject(2).replace('type="model"', 'type="support"');
    const build = '<item objectid="1"/><item objectid="2"/>';
    const model = ok(read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, build) })));
    expect(model.parts).toHaveLength(1);
    expect(model.notices).toHaveLength(1);
    expect(model.notices[0]).toMatchObject({ severity: "info", code: "3mf_object_skipped" });
    expect(model.notices[0]?.message).toContain("support");
  });

  it("warns about required extensions whose geometry it does not read", () => {
    const root = modelXml(
      cubeObject(1),
      '<item objectid="1"/>',
      'unit="millimeter" requiredextensions="s"',
    ).replace("<model ", '<model xmlns:s="http://schemas.microsoft.com/3dmanufacturing/slice/2015/07" ');
    const model = ok(read3mf(package3mf({ "3D/3dmodel.model": root })));
    expect(model.notices.map((notice) => notice.code)).toEqual(["3mf_extension_ignored"]);
  });

  it("reads a UTF-16 model part marked by its byte-order mark", () => {
    const xml = modelXml(cubeObject(1, 2, 'name="Würfel"'), '<item objectid="1"/>').replace(
      "UTF-8",
      "UTF-16",
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, "utf16le")]);
    const bytes = zipSync({ "_rels/.rels": strToU8(ROOT_RELS), "3D/3dmodel.model": utf16 });
    const model = ok(read3mf(bytes));
    expect(model.parts[0]?.name).toBe("Würfel");
    expect(totalVolume(model)).toBeCloseTo(8, 9);
  });

  it("inflates a model part spread over many input chunks", () => {
    // Differing cube sizes keep the XML from compressing into a single 16 KiB inflate chunk.
    const sizes = Array.from({ length: 3000 }, (_, i) => 1 + i / 3000);
    const cubes = sizes.map((size, i) => cubeObject(i + 1, size));
    const items = sizes.map((_, i) => `<item objectid="${i + 1}"/>`);
    const bytes = package3mf({ "3D/3dmodel.model": modelXml(cubes.join(""), items.join("")) });
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const model = ok(read3mf(bytes));
    expect(model.parts).toHaveLength(3000);
    expect(totalVolume(model)).toBeCloseTo(
      sizes.reduce((sum, size) => sum + size ** 3, 0),
      6,
    );
  });
});

describe("read3mf refuses bad input", () => {
  it("refuses empty bytes", () => {
    expect(failure(read3mf(new Uint8Array(0))).code).toBe("empty_file");
  });

  it("refuses random bytes as a damaged archive", () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
    const error = failure(read3mf(random));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/damaged/);
    expect(error.message).toMatch(/[Ee]xport it again/);
  });

  it("refuses a truncated archive", () => {
    const bytes = fixture("3mfc_box.3mf");
    expect(failure(read3mf(bytes.subarray(0, bytes.length - 30))).code).toBe("malformed");
  });

  it("refuses an archive whose compressed data is corrupt", () => {
    const bytes = fixture("3mfc_cube_gears.3mf").slice();
    for (let i = 5000; i < 5100; i++) bytes[i] = bytes[i]! ^ 0x5a;
    const error = failure(read3mf(bytes));
    expect(error.code).toBe("malformed");
  });

  it("refuses an encrypted model part as a format we cannot read, naming the part", () => {
    const bytes = buildZip([
      { name: "3D/3dmodel.model", data: modelXml(cubeObject(1), '<item objectid="1"/>'), flags: 1 },
    ]);
    const error = failure(read3mf(bytes));
    expect(error.code).toBe("unsupported_format");
    expect(error.message).toMatch(/"3D\/3dmodel.model" of this .3mf file is encrypted/);
  });

  it("refuses a model part compressed other than by Deflate, naming the method", () => {
    const bytes = buildZip([
      { name: "3D/3dmodel.model", data: modelXml(cubeObject(1), '<item objectid="1"/>'), method: 14 },
    ]);
    const error = failure(read3mf(bytes));
    expect(error.code).toBe("unsupported_format");
    expect(error.message).toMatch(/compression method \(14\)/);
  });

  it("refuses a model part whose checksum does not match as a damaged archive", () => {
    const bytes = buildZip([
      { name: "3D/3dmodel.model", data: modelXml(cubeObject(1), '<item objectid="1"/>'), crc32: 7 },
    ]);
    const error = failure(read3mf(bytes));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/ZIP archive can't be read/);
  });

  it("refuses elements nested deeper than any 3MF model needs, naming the part", () => {
    // Walk 7: unknown elements nested 40,000 deep took saxes 47 s (quadratic); 2,000 are read in
    // moments and were accepted as the cube beside them.
    const nested = "<x:deep>".repeat(2_000) + "</x:deep>".repeat(2_000);
    const xml = modelXml(cubeObject(1), '<item objectid="1"/>').replace(
      "<resources>",
      `<metadatagroup xmlns:x="urn:walk7">${nested}</metadatagroup><resources>`,
    );
    const error = failure(read3mf(package3mf({ "3D/3dmodel.model": xml })));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(
      /"3D\/3dmodel.model" of this .3mf file nests its XML elements more than 64 deep/,
    );
  });

  it("reads a model whose self-closing elements outnumber the depth limit", () => {
    const manyCubes = Array.from({ length: 100 }, (_, index) => cubeObject(index + 1)).join("");
    const items = Array.from({ length: 100 }, (_, index) => `<item objectid="${index + 1}"/>`).join("");
    expect(ok(read3mf(package3mf({ "3D/3dmodel.model": modelXml(manyCubes, items) }))).parts).toHaveLength(
      100,
    );
  });

  it("refuses a zip without a 3D model", () => {
    const bytes = zipSync({
      "readme.txt": strToU8("not a model"),
      "part.stl": strToU8("solid x\nendsolid x\n"),
    });
    const error = failure(read3mf(bytes));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/no 3D model/);
  });

  it("refuses a triangle index beyond the object's vertices", () => {
    const resources = cubeObject(1).replace(
      '<triangle v1="3" v2="2" v3="1"/>',
      '<triangle v1="3" v2="2" v3="8"/>',
    );
    const error = failure(
      read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, '<item objectid="1"/>') })),
    );
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/refers to vertex 8, but the object has only 8 vertices/);
  });

  it.each(["NaN", "INF", "Infinity", "", "abc", "1e999"])("refuses the coordinate %j", (value) => {
    const resources = cubeObject(1).replace(
      '<vertex x="1" y="0" z="0"/>',
      `<vertex x="${value}" y="0" z="0"/>`,
    );
    const error = failure(
      read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, '<item objectid="1"/>') })),
    );
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/invalid x coordinate/);
  });

  it("refuses components that contain themselves", () => {
    const resources =
      cubeObject(1) +
      '<object id="2" type="model"><components><component objectid="1"/><component objectid="3"/></components></object>' +
      '<object id="3" type="model"><components><component objectid="2"/></components></object>';
    const error = failure(
      read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, '<item objectid="2"/>') })),
    );
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/contains itself/);
  });

  it("refuses a placement of an undefined object", () => {
    const error = failure(
      read3mf(package3mf({ "3D/3dmodel.model": modelXml(cubeObject(1), '<item objectid="9"/>') })),
    );
    expect(error.code).toBe("malformed");
  });

  it("refuses XML that is not well formed", () => {
    const error = failure(
      read3mf(package3mf({ "3D/3dmodel.model": modelXml(cubeObject(1), "<item objectid=1>") })),
    );
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/not valid XML/);
  });

  it("refuses a build with nothing printable", () => {
    const resources = cubeObject(1).replace('type="model"', 'type="other"');
    expect(
      failure(read3mf(package3mf({ "3D/3dmodel.model": modelXml(resources, '<item objectid="1"/>') }))).code,
    ).toBe("no_solid");
    expect(failure(read3mf(package3mf({ "3D/3dmodel.model": modelXml(cubeObject(1), "") }))).code).toBe(
      "no_solid",
    );
  });

  it("refuses a model part whose declared size exceeds the limit", () => {
    const padding = `<!--${" ".repeat(200_000)}-->`;
    const bytes = package3mf({
      "3D/3dmodel.model": modelXml(cubeObject(1) + padding, '<item objectid="1"/>'),
    });
    expect(bytes.length).toBeLessThan(5_000);
    expect(ok(read3mf(bytes)).parts).toHaveLength(1);
    const error = failure(read3mf(bytes, { maxUncompressedBytes: 100_000 }));
    expect(error.code).toBe("too_large");
    expect(error.message).toMatch(/97\.7 KiB/);
  });

  it("refuses a model part that inflates beyond the limit even when its header understates its size", () => {
    const padding = `<!--${" ".repeat(2_000_000)}-->`;
    const bytes = package3mf({
      "3D/3dmodel.model": modelXml(cubeObject(1) + padding, '<item objectid="1"/>'),
    });
    understateUncompressedSize(bytes, "3D/3dmodel.model", 1000);
    const error = failure(read3mf(bytes, { maxUncompressedBytes: 100_000 }));
    expect(error.code).toBe("too_large");
    // Under a generous limit the lie is still caught: the archive is damaged.
    expect(failure(read3mf(bytes)).code).toBe("malformed");
  });
});

/** Rewrites the uncompressed size of `name` in both its local and central headers, as a ZIP bomb would. */
function understateUncompressedSize(bytes: Uint8Array, name: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameBytes = strToU8(name);
  const nameAt = (at: number) => nameBytes.every((byte, i) => bytes[at + i] === byte);
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && nameAt(at + 30)) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && nameAt(at + 46)) view.setUint32(at + 24, size, true);
  }
}
