import DxfParser from "dxf-parser";
import { describe, expect, it } from "vitest";
import type { SheetMetalFlatPattern } from "./sheet-metal-types";
import { writeFlatPatternDxf } from "./write-flat-pattern-dxf";

/** An L bracket's blank: 68.52 × 50 mm with one ⌀6 hole (as a 12-gon) and one bend line across it. */
const hole = Array.from({ length: 12 }, (_, index): [number, number] => [
  15 + 3 * Math.cos((-index * Math.PI) / 6),
  25 + 3 * Math.sin((-index * Math.PI) / 6),
]);
const flatPattern: SheetMetalFlatPattern = {
  widthMm: 68.5239,
  heightMm: 50,
  areaMm2: 3398,
  cutLengthMm: 255,
  pierces: 2,
  outline: {
    outer: [
      [0, 0],
      [68.5239, 0],
      [68.5239, 50],
      [0, 50],
    ],
    holes: [hole],
  },
  bendLines: [{ from: [39.26, 0], to: [39.26, 50], angleDeg: 90, direction: "up", innerRadiusMm: 2 }],
};

describe("flat pattern as DXF", () => {
  it("writes the contours on layer CUT and the bend line on layer BEND, and a DXF parser reads them back", () => {
    const text = writeFlatPatternDxf(flatPattern, 2);
    const parsed = new DxfParser().parseSync(text)!;
    expect(Object.keys(parsed.tables.layer.layers)).toEqual(expect.arrayContaining(["CUT", "BEND"]));
    const polylines = parsed.entities.filter((entity) => entity.type === "LWPOLYLINE") as unknown as {
      layer: string;
      shape: boolean;
      vertices: { x: number; y: number }[];
    }[];
    expect(polylines.map((polyline) => [polyline.layer, polyline.shape, polyline.vertices.length])).toEqual([
      ["CUT", true, 4],
      ["CUT", true, 12],
    ]);
    expect(polylines[0]!.vertices[2]).toEqual({ x: expect.closeTo(68.5239, 6), y: expect.closeTo(50, 6) });
    expect(polylines[1]!.vertices[3]).toMatchObject({ x: expect.closeTo(15, 6), y: expect.closeTo(22, 6) });
    const lines = parsed.entities.filter((entity) => entity.type === "LINE") as unknown as {
      layer: string;
      vertices: { x: number; y: number }[];
    }[];
    expect(lines).toHaveLength(1);
    expect(lines[0]!.layer).toBe("BEND");
    expect(lines[0]!.vertices.map(({ x, y }) => [x, y])).toEqual([
      [39.26, 0],
      [39.26, 50],
    ]);
    const notes = parsed.entities
      .filter((entity) => entity.type === "TEXT")
      .map((entity) => (entity as unknown as { text: string }).text);
    expect(notes).toEqual(["UP 90° R2", "THICKNESS 2 MM"]);
    expect(parsed.header.$INSUNITS).toBe(4); // millimetres
  });
});
