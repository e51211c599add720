import {
  volumeMm3,
  areaMm2,
  bounds,
  ok,
  failure,
  totalVolume,
} from "../../tests/fixtures/cad-model-measures";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readObj } from "./read-obj";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../tests/fixtures/cad/${name}`, import.meta.url), "utf8");

const CUBE_VERTICES = [
  "v 0 0 0",
  "v 1 0 0",
  "v 1 1 0",
  "v 0 1 0",
  "v 0 0 1",
  "v 1 0 1",
  "v 1 1 1",
  "v 0 1 1",
];
/** The unit cube's six faces as outward quads, 1-based. */
const CUBE_QUADS = [
  [4, 3, 2, 1],
  [5, 6, 7, 8],
  [1, 2, 6, 5],
  [2, 3, 7, 6],
  [3, 4, 8, 7],
  [4, 1, 5, 8],
];

describe("readObj on the corpus", () => {
  it("reads 100 unit cubes as 100 parts, each with its own 8 vertices", () => {
    const model = ok(readObj(fixture("o3dv_hundred_cubes.obj")));
    expect(model.format).toBe("obj");
    expect(model.sourceUnit).toBe("unknown");
    expect(model.scaleToMm).toBe(1);
    expect(model.faces).toEqual([]);
    expect(model.parts).toHaveLength(100);
    expect(model.parts[0]?.name).toBe("Mesh001");
    for (const part of model.parts) {
      expect(part.positions.length).toBe(8 * 3);
      expect(part.indices.length).toBe(12 * 3);
      expect(volumeMm3(part)).toBeCloseTo(1, 9);
    }
    expect(totalVolume(model)).toBeCloseTo(100, 9);
    expect(bounds(model.parts).size).toEqual([19, 19, 1]);
  });

  it("reads the icosahedron and ignores its inline material and normals", () => {
    const model = ok(readObj(fixture("o3dv_icosahedron.obj")));
    expect(model.parts).toHaveLength(1);
    expect(model.parts[0]?.name).toBe("Icosahedron");
    expect(model.parts[0]?.indices.length).toBe(20 * 3);
    expect(volumeMm3(model.parts[0]!)).toBeCloseTo(2.5362, 4);
    expect(areaMm2(model.parts[0]!)).toBeCloseTo(9.5746, 3);
    expect(bounds(model.parts).size.map((v) => +v.toFixed(4))).toEqual([1.7013, 1.7013, 1.7013]);
  });
});

describe("readObj syntax", () => {
  it("fan-triangulates polygons in every corner notation", () => {
    const notations = [
      (i: number) => `${i}`,
      (i: number) => `${i}/${i}`,
      (i: number) => `${i}//${i}`,
      (i: number) => `${i}/${i}/${i}`,
    ];
    for (const corner of notations) {
      const text = [...CUBE_VERTICES, ...CUBE_QUADS.map((quad) => `f ${quad.map(corner).join(" ")}`)].join(
        "\n",
      );
      const model = ok(readObj(text));
      expect(model.parts[0]?.indices.length).toBe(12 * 3);
      expect(totalVolume(model)).toBeCloseTo(1, 12);
    }
  });

  it("resolves negative indices against the vertices read so far", () => {
    // Each face is written right after its own four vertices, as some exporters do.
    const lines: string[] = [];
    for (const quad of CUBE_QUADS) {
      for (const index of quad) lines.push(CUBE_VERTICES[index - 1]!);
      lines.push("f -4 -3 -2 -1");
    }
    const model = ok(readObj(lines.join("\n")));
    expect(model.parts[0]?.indices.length).toBe(12 * 3);
    expect(totalVolume(model)).toBeCloseTo(1, 12);
  });

  it("accepts a w weight, vertex colours, CRLF line ends, comments and continued lines", () => {
    const text = [
      "# exported by hand",
      "mtllib cube.mtl",
      ...CUBE_VERTICES.map((line, i) => (i === 0 ? `${line} 1.0` : i === 1 ? `${line} 0.5 0.5 0.5` : line)),
      "vn 0 0 1",
      "vt 0 0",
      "usemtl red",
      "s off",
      ...CUBE_QUADS.slice(0, 5).map((quad) => `f ${quad.join(" ")} # side`),
      "f 4 1 \\",
      "  5 8",
    ].join("\r\n");
    const model = ok(readObj(text));
    expect(model.parts).toHaveLength(1);
    expect(totalVolume(model)).toBeCloseTo(1, 12);
  });

  it("starts a part at o or g only once faces were collected, and names it", () => {
    const cube = (offset: number) => CUBE_QUADS.map((quad) => `f ${quad.map((i) => i + offset).join(" ")}`);
    const shifted = CUBE_VERTICES.map((line) =>
      line.replace(/^v (\S+)/, (_, x: string) => `v ${Number(x) + 5}`),
    );
    const text = [
      ...CUBE_VERTICES,
      ...shifted,
      "o first",
      "g first_group",
      ...cube(0),
      "g second",
      "usemtl blue",
      ...cube(8),
      "o empty at the end",
    ].join("\n");
    const model = ok(readObj(text));
    expect(model.parts.map((part) => part.name)).toEqual(["first_group", "second"]);
    expect(model.parts[1]?.positions.length).toBe(8 * 3);
    expect(bounds([model.parts[1]!]).min).toEqual([5, 0, 0]);
    expect(totalVolume(model)).toBeCloseTo(2, 12);
  });
});

describe("readObj refuses bad input", () => {
  it("refuses empty text", () => {
    expect(failure(readObj("")).code).toBe("empty_file");
    expect(failure(readObj(" \n\t\n")).code).toBe("empty_file");
  });

  it("refuses a file without faces, saying it has no surfaces", () => {
    const error = failure(readObj([...CUBE_VERTICES, "l 1 2 3"].join("\n")));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/no surfaces/);
  });

  it("names the line of an out-of-range index", () => {
    const error = failure(readObj(["v 0 0 0", "v 1 0 0", "v 0 1 0", "", "f 1 2 4"].join("\n")));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/Line 5\b/);
    expect(error.message).toMatch(/"4"/);
  });

  it.each(["f 1 2 0", "f 1 2 -4", "f 1 2 x/1", "f 1 2"])("refuses the face %j", (face) => {
    const error = failure(readObj(["v 0 0 0", "v 1 0 0", "v 0 1 0", face].join("\n")));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/Line 4\b/);
  });

  it.each(["v 0 zero 0", "v 0 0", "v 1e999 0 0", "v nan 0 0"])(
    "names the line of the bad vertex %j",
    (vertex) => {
      const error = failure(readObj(["v 0 0 0", "v 1 0 0", vertex, "f 1 2 3"].join("\n")));
      expect(error.code).toBe("malformed");
      expect(error.message).toMatch(/Line 3\b/);
    },
  );
});
