import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDxfFlatPattern } from "./read-dxf-flat-pattern";

/** A minimal DXF (group code / value pairs) with a header unit and model-space entities. */
function dxf(entities: string[], insUnits?: number): string {
  const header =
    insUnits === undefined
      ? []
      : ["0", "SECTION", "2", "HEADER", "9", "$INSUNITS", "70", String(insUnits), "0", "ENDSEC"];
  return [
    ...header,
    "0",
    "SECTION",
    "2",
    "ENTITIES",
    ...entities.flatMap((entity) => entity.split("\n")),
    "0",
    "ENDSEC",
    "0",
    "EOF",
  ].join("\n");
}
const line = (x1: number, y1: number, x2: number, y2: number) =>
  ["0", "LINE", "8", "0", "10", x1, "20", y1, "30", "0", "11", x2, "21", y2, "31", "0"].join("\n");
/** A line drawn with a linetype (code 6), such as the CENTER lines CAD programs draw bend and centre lines with. */
const styledLine = (x1: number, y1: number, x2: number, y2: number, lineType: string) =>
  ["0", "LINE", "8", "0", "6", lineType, "10", x1, "20", y1, "30", "0", "11", x2, "21", y2, "31", "0"].join(
    "\n",
  );
const circle = (x: number, y: number, r: number) =>
  ["0", "CIRCLE", "8", "0", "10", x, "20", y, "30", "0", "40", r].join("\n");
const arc = (x: number, y: number, r: number, start: number, end: number) =>
  ["0", "ARC", "8", "0", "10", x, "20", y, "30", "0", "40", r, "50", start, "51", end].join("\n");
const polyline = (points: [number, number, number?][], closed: boolean) =>
  [
    "0",
    "LWPOLYLINE",
    "8",
    "0",
    "90",
    points.length,
    "70",
    closed ? 1 : 0,
    ...points.flatMap(([x, y, bulge]) => ["10", x, "20", y, ...(bulge ? ["42", bulge] : [])]),
  ].join("\n");

describe("reading a flat part from DXF", () => {
  it("reads an outline of 200,000 points (a finely flattened spline) without running out of stack", () => {
    const points = Array.from({ length: 200_000 }, (_, index): [number, number] => {
      const angle = (2 * Math.PI * index) / 200_000;
      return [50 + 50 * Math.cos(angle), 50 + 50 * Math.sin(angle)];
    });
    const result = readDxfFlatPattern(dxf([polyline(points, true)], 4));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flatPattern.widthMm).toBeCloseTo(100, 1);
    expect(result.flatPattern.heightMm).toBeCloseTo(100, 1);
  });

  it("chains lines drawn in any order and direction into the outer contour, with a circle as a hole", () => {
    const result = readDxfFlatPattern(
      dxf(
        [
          line(100, 0, 100, 50),
          line(0, 0, 100, 0),
          line(0, 50, 0, 0),
          line(0, 50, 100, 50),
          circle(50, 25, 5),
        ],
        4,
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    const pattern = result.flatPattern;
    expect([pattern.widthMm, pattern.heightMm]).toEqual([100, 50]);
    expect(pattern.pierces).toBe(2);
    expect(pattern.outline.holes).toHaveLength(1);
    // Perimeter 300 plus the ⌀10 circle (96 chords: within 0.1 % of 10π).
    expect(pattern.cutLengthMm).toBeCloseTo(300 + 10 * Math.PI, 1);
    expect(pattern.areaMm2).toBeCloseTo(5000 - 25 * Math.PI, 0);
    expect(pattern.bendLines).toEqual([]);
  });

  it("reads arcs and polyline bulges: a 100 × 60 slot-ended plate drawn in inches is scaled to mm", () => {
    // A 4 × 2 inch rectangle whose right end is a half circle (arc) and a closed polyline hole with bulges.
    const result = readDxfFlatPattern(
      dxf(
        [
          line(0, 0, 4, 0),
          arc(4, 1, 1, 270, 90),
          line(4, 2, 0, 2),
          line(0, 2, 0, 0),
          polyline(
            [
              [1, 0.5],
              [2, 0.5, 1],
              [2, 1.5],
              [1, 1.5, 1],
            ],
            true,
          ),
        ],
        1,
      ),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.sourceUnit).toBe("inch");
    expect(result.flatPattern.widthMm).toBeCloseTo(5 * 25.4, 2);
    expect(result.flatPattern.heightMm).toBeCloseTo(2 * 25.4, 2);
    expect(result.flatPattern.outline.holes).toHaveLength(1);
    // Outer: 4 + 4 + 2 straight inches plus a half circle of radius 1 inch.
    const outer = (10 + Math.PI) * 25.4;
    // Hole: a 1 × 1 inch square whose two short sides bulge into half circles (⌀1 inch): 2 + π inches.
    const hole = (2 + Math.PI) * 25.4;
    expect(result.flatPattern.cutLengthMm).toBeCloseTo(outer + hole, 0);
  });

  it("reads a unitless drawing as millimetres", () => {
    const result = readDxfFlatPattern(
      dxf([
        polyline(
          [
            [0, 0],
            [20, 0],
            [20, 10],
            [0, 10],
          ],
          true,
        ),
      ]),
    );
    expect(result.ok && result.sourceUnit).toBe("unknown");
  });

  it("says where an open contour is open", () => {
    const result = readDxfFlatPattern(
      dxf([line(0, 0, 100, 0), line(100, 0, 100, 50), line(100, 50, 0, 50)], 4),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: "open_contour",
        message: expect.stringMatching(
          /^The contour is open near \((0\.0, 50\.0|0\.0, 0\.0)\) mm: join the lines/,
        ),
      },
    });
  });

  it("does not cut the centre lines through a hole, and refuses bend lines across the part with a way on", () => {
    const plate = [line(0, 0, 100, 0), line(100, 0, 100, 50), line(100, 50, 0, 50), line(0, 50, 0, 0)];
    const withCentreLines = readDxfFlatPattern(
      dxf(
        [
          ...plate,
          circle(50, 25, 5),
          styledLine(42, 25, 58, 25, "CENTER"),
          styledLine(50, 17, 50, 33, "CENTER"),
        ],
        4,
      ),
    );
    if (!withCentreLines.ok) throw new Error(withCentreLines.error.message);
    expect(withCentreLines.flatPattern.cutLengthMm).toBeCloseTo(300 + 10 * Math.PI, 1);
    const bent = readDxfFlatPattern(dxf([...plate, styledLine(30, 0, 30, 50, "HIDDEN")], 4));
    expect(bent).toEqual({
      ok: false,
      error: { code: "bent_drawing", message: expect.stringMatching(/^The drawing shows a bend line.*STEP/) },
    });
  });

  it("reads a SolidWorks flat pattern (OpenAMR's motor bracket) as a bent part, not as an open contour", () => {
    // Its four bend lines are CENTERX2 lines from edge to edge of the blank (tests/fixtures/cad/SOURCES.md).
    const result = readDxfFlatPattern(
      readFileSync("tests/fixtures/cad/openamr_motor_bracket_flat.dxf", "latin1"),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: "bent_drawing", message: expect.stringContaining("4 bend lines") },
    });
  });

  it("says a binary DXF must be exported as ASCII instead of calling it damaged", () => {
    const result = readDxfFlatPattern(readFileSync("tests/fixtures/cad/ezdxf_binary_r12.dxf", "latin1"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: "unreadable_dxf", message: expect.stringContaining("binary DXF") },
    });
  });

  it("refuses a drawing without a contour, two separate parts, and a file that is not DXF", () => {
    expect(readDxfFlatPattern(dxf([], 4))).toMatchObject({ ok: false, error: { code: "no_contour" } });
    const two = readDxfFlatPattern(dxf([circle(0, 0, 5), circle(50, 0, 5)], 4));
    expect(two).toMatchObject({
      ok: false,
      error: { code: "several_parts", message: expect.stringContaining("2 separate parts") },
    });
    expect(readDxfFlatPattern("this is not a drawing")).toMatchObject({ ok: false });
  });
});
