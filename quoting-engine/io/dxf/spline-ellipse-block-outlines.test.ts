import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDxfFlatPattern } from "./read-dxf-flat-pattern";

/** A DXF in millimetres with model-space entities and named blocks (each drawn around its base point 0,0). */
function dxf(entities: string[][], blocks: Record<string, string[][]> = {}): string {
  const blockSection = Object.entries(blocks).flatMap(([name, drawn]) => [
    ...["0", "BLOCK", "8", "0", "2", name, "70", "0", "10", "0", "20", "0", "30", "0"],
    ...drawn.flat(),
    ...["0", "ENDBLK"],
  ]);
  return [
    ...["0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", "4", "0", "ENDSEC"],
    ...["0", "SECTION", "2", "BLOCKS", ...blockSection, "0", "ENDSEC"],
    ...["0", "SECTION", "2", "ENTITIES", ...entities.flat(), "0", "ENDSEC", "0", "EOF"],
  ].join("\n");
}
const line = (x1: number, y1: number, x2: number, y2: number) =>
  ["0", "LINE", "8", "0", "10", x1, "20", y1, "30", "0", "11", x2, "21", y2, "31", "0"].map(String);
const circle = (x: number, y: number, r: number) =>
  ["0", "CIRCLE", "8", "0", "10", x, "20", y, "30", "0", "40", r].map(String);
const rectangle = (w: number, h: number) => [
  line(0, 0, w, 0),
  line(w, 0, w, h),
  line(w, h, 0, h),
  line(0, h, 0, 0),
];
/** A clamped SPLINE of the given degree through its control points (knots 0…0, 1…, n…n), rational with weights. */
function spline(degree: number, points: [number, number][], withDegree = true, weights?: number[]) {
  const inner = points.length - degree - 1;
  const knots = [
    ...Array<number>(degree + 1).fill(0),
    ...Array.from({ length: inner }, (_, index) => index + 1),
    ...Array<number>(degree + 1).fill(inner + 1),
  ];
  return [
    ...["0", "SPLINE", "8", "0", "70", weights ? "12" : "8"],
    ...(withDegree ? ["71", String(degree)] : []),
    ...knots.flatMap((knot) => ["40", String(knot)]),
    // Weights after the knots, before the control points, as ezdxf and AutoCAD write them.
    ...(weights ?? []).flatMap((weight) => ["41", String(weight)]),
    ...points.flatMap(([x, y]) => ["10", String(x), "20", String(y), "30", "0"]),
  ];
}
const insert = (name: string, x: number, y: number, scale = 1, rotationDeg = 0) =>
  [
    "0",
    "INSERT",
    "8",
    "0",
    "2",
    name,
    "10",
    x,
    "20",
    y,
    "30",
    "0",
    "41",
    scale,
    "42",
    scale,
    "50",
    rotationDeg,
  ].map(String);

describe("outlines drawn with splines, ellipses and blocks (walk6: public DXFs read as no outline)", () => {
  it("evaluates a spline: a parabola's arch closed by a line holds 2/3 of its control triangle", () => {
    // Quadratic Bézier (0,0) (50,100) (100,0): the arch between it and the chord is 2/3 of 5000 mm².
    const result = readDxfFlatPattern(
      dxf([
        spline(2, [
          [0, 0],
          [50, 100],
          [100, 0],
        ]),
        line(100, 0, 0, 0),
      ]),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flatPattern.areaMm2).toBeCloseTo((2 / 3) * 5000, -1);
    expect(result.flatPattern.heightMm).toBeCloseTo(50, 1);
  });

  it("reads a rational spline's weights: a quarter circle drawn as a spline holds a quarter of the disc", () => {
    // The exact 90° arc of radius 100 as a rational quadratic: (100,0) (100,100) (0,100), weights 1, √½, 1.
    // Read with weights 1 it is a parabola holding 5/6 of the 100 × 100 square (8333 mm², not 7854).
    const result = readDxfFlatPattern(
      dxf([
        spline(
          2,
          [
            [100, 0],
            [100, 100],
            [0, 100],
          ],
          true,
          [1, Math.SQRT1_2, 1],
        ),
        line(0, 100, 0, 0),
        line(0, 0, 100, 0),
      ]),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flatPattern.areaMm2).toBeCloseTo((Math.PI * 100 ** 2) / 4, -1);
    // The cut is the arc's length, a quarter of the circumference, plus the two radii.
    expect(result.flatPattern.cutLengthMm).toBeCloseTo((Math.PI * 200) / 4 + 200, 0);
  });

  it("reads a drawing whose every arc is a rational spline: a slot plate with a round hole, exact", () => {
    // tests/fixtures/cad/SOURCES.md: 100 × 40 mm, ends of radius 20, a ⌀16 hole, arcs as weighted SPLINEs.
    const result = readDxfFlatPattern(
      readFileSync("tests/fixtures/cad/constructed_slot_plate_rational_splines.dxf", "utf8"),
    );
    if (!result.ok) throw new Error(result.error.message);
    const { areaMm2, cutLengthMm, pierces, widthMm, heightMm } = result.flatPattern;
    expect([widthMm, heightMm].map(Math.round)).toEqual([100, 40]);
    expect(pierces).toBe(2);
    expect(areaMm2).toBeCloseTo(60 * 40 + Math.PI * 20 ** 2 - Math.PI * 8 ** 2, -1);
    expect(cutLengthMm).toBeCloseTo(2 * 60 + 2 * Math.PI * 20 + 2 * Math.PI * 8, 0);
  });

  it("takes a spline's degree from its counts when code 71 is missing, and closes a spline whose ends meet", () => {
    const square: [number, number][] = [
      [0, 0],
      [40, 0],
      [40, 40],
      [0, 40],
      [0, 0],
    ];
    const result = readDxfFlatPattern(dxf([spline(1, square, false), circle(20, 20, 5)]));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flatPattern.areaMm2).toBeCloseTo(1600 - Math.PI * 25, 0);
    expect(result.flatPattern.pierces).toBe(2);
  });

  it("reads a full ellipse as a closed outline of area π·a·b", () => {
    const ellipse = ["0", "ELLIPSE", "8", "0", "10", "0", "20", "0", "30", "0"].concat([
      "11",
      "30",
      "21",
      "0",
      "31",
      "0",
      "40",
      "0.5",
      "41",
      "0",
      "42",
      String(2 * Math.PI),
    ]);
    const result = readDxfFlatPattern(dxf([ellipse]));
    if (!result.ok) throw new Error(result.error.message);
    expect([result.flatPattern.widthMm, result.flatPattern.heightMm]).toEqual([60, 30]);
    expect(result.flatPattern.areaMm2 / (Math.PI * 30 * 15)).toBeCloseTo(1, 2);
  });

  it("places blocks where their INSERTs put them: moved, scaled and turned", () => {
    const result = readDxfFlatPattern(
      dxf(
        [
          ...rectangle(100, 50),
          insert("hole", 20, 25),
          insert("hole", 60, 25, 2),
          insert("slot", 85, 10, 1, 90),
        ],
        {
          hole: [circle(0, 0, 5)],
          slot: rectangle(30, 6),
        },
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flatPattern.outline.holes).toHaveLength(3);
    expect(result.flatPattern.areaMm2).toBeCloseTo(5000 - Math.PI * 25 - Math.PI * 100 - 180, -1);
    // The slot turned by 90° runs upwards from (85, 10): x from 79 to 85, y from 10 to 40.
    const slot = result.flatPattern.outline.holes.find((hole) => hole.length === 4)!;
    expect(Math.min(...slot.map(([x]) => x))).toBeCloseTo(79, 6);
    expect(Math.max(...slot.map(([, y]) => y))).toBeCloseTo(40, 6);
  });

  it("refuses blocks that insert each other without end instead of running out of memory", () => {
    const result = readDxfFlatPattern(dxf([insert("a", 0, 0)], { a: [insert("a", 1, 0)] }));
    expect(result).toMatchObject({ ok: false, error: { code: "unreadable_dxf" } });
  });

  it("reads trimesh's cycloidal disc (one closed spline, inches) and its two inserted rectangles", () => {
    const disc = readDxfFlatPattern(
      readFileSync("tests/fixtures/cad/trimesh_cycloidal_disc_spline.dxf", "utf8"),
    );
    if (!disc.ok) throw new Error(disc.error.message);
    expect(disc.sourceUnit).toBe("inch");
    expect(disc.flatPattern.outline.holes).toHaveLength(0);
    expect(disc.flatPattern.widthMm).toBeCloseTo(disc.flatPattern.heightMm, -1);
    const inserts = readDxfFlatPattern(
      readFileSync("tests/fixtures/cad/trimesh_two_block_inserts.dxf", "utf8"),
    );
    expect(inserts).toMatchObject({ ok: false, error: { code: "several_parts" } });
  });
});
