/**
 * One NURBS surface patch for the IGES writer: control points in u-fastest order, weights 1 unless given.
 * Test fixtures are built from these (a box as six unsewn faces, a cylinder as a side and two caps), so
 * their volume is known by construction.
 */
export interface NurbsPatch {
  degreeU: number;
  degreeV: number;
  knotsU: number[];
  knotsV: number[];
  /** (countU × countV) points, u varying fastest. */
  points: [number, number, number][];
  weights?: number[];
}

/**
 * Writes patches as untrimmed IGES rational B-spline surfaces (entity 128), millimetres, each its own
 * independent entity: exactly what a "surfaces only" export holds, with no topology joining the faces.
 * Used to construct test files; the engine never writes IGES.
 */
export function writeSurfaceIges(patches: NurbsPatch[], name = "surfaces.igs"): string {
  const record = (text: string, section: string, sequence: number) =>
    `${text.padEnd(72)}${section}${String(sequence).padStart(7, "0")}`;
  const number = (value: number) => {
    const text = Number.isInteger(value) ? `${value}.` : value.toPrecision(15).replace(/0+$/, "");
    return text === "-0." ? "0." : text;
  };
  const hollerith = (text: string) => `${text.length}H${text}`;
  const global = [
    "1H,",
    "1H;",
    hollerith("sewing fixture"),
    hollerith(name),
    hollerith("instant-quote test writer"),
    hollerith("1.0"),
    "32",
    "38",
    "6",
    "308",
    "15",
    hollerith("sewing fixture"),
    "1.",
    "2",
    hollerith("MM"),
    "1",
    "1.",
    hollerith("20261206.000000"),
    "1.E-07",
    "1000.",
    hollerith("tests"),
    hollerith("instant-quote"),
    "11",
    "0",
    hollerith("20261206.000000"),
  ].join(",");
  const lines: string[] = [record("Surfaces written for the sewing tests.", "S", 1)];
  chunk(`${global};`, 72).forEach((text, index) => lines.push(record(text, "G", index + 1)));

  const directory: string[] = [];
  const parameters: string[] = [];
  patches.forEach((patch, index) => {
    const countU = patch.knotsU.length - patch.degreeU - 1;
    const countV = patch.knotsV.length - patch.degreeV - 1;
    const weights = patch.weights ?? patch.points.map(() => 1);
    const rational = weights.some((weight) => weight !== 1);
    const values = [
      "128",
      String(countU - 1),
      String(countV - 1),
      String(patch.degreeU),
      String(patch.degreeV),
      "0",
      "0",
      rational ? "0" : "1",
      "0",
      "0",
      ...patch.knotsU.map(number),
      ...patch.knotsV.map(number),
      ...weights.map(number),
      ...patch.points.flatMap((point) => point.map(number)),
      number(patch.knotsU[0]!),
      number(patch.knotsU.at(-1)!),
      number(patch.knotsV[0]!),
      number(patch.knotsV.at(-1)!),
    ];
    const directoryLine = index * 2 + 1;
    const firstParameterLine = parameters.length + 1;
    const packed = packParameters(values, 64);
    packed.forEach((text) =>
      parameters.push(
        `${text.padEnd(64)}${String(directoryLine).padStart(8)}P${String(parameters.length + 1).padStart(7, "0")}`,
      ),
    );
    const field = (value: string | number) => String(value).padStart(8);
    directory.push(
      record([128, firstParameterLine, 0, 0, 0, 0, 0, 0, "00000000"].map(field).join(""), "D", directoryLine),
      record(
        [128, 0, 0, packed.length, 0, "", "", "SURFACE", index + 1].map(field).join(""),
        "D",
        directoryLine + 1,
      ),
    );
  });
  lines.push(...directory, ...parameters);
  const counts = `S${pad(1)}G${pad(lines.filter((line) => line[72] === "G").length)}D${pad(directory.length)}P${pad(parameters.length)}`;
  lines.push(record(counts, "T", 1));
  return `${lines.join("\n")}\n`;
}

const pad = (value: number) => String(value).padStart(7, "0");

function chunk(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/** Parameters separated by commas, ended by a semicolon, never split across lines. */
function packParameters(values: string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  values.forEach((value, index) => {
    const token = `${value}${index === values.length - 1 ? ";" : ","}`;
    if (line.length + token.length > width) {
      lines.push(line);
      line = "";
    }
    line += token;
  });
  if (line) lines.push(line);
  return lines;
}

type Point = [number, number, number];

/** A flat four-sided patch through corners a, b, c, d (in order around it). */
export function planarPatch(a: Point, b: Point, c: Point, d: Point): NurbsPatch {
  return { degreeU: 1, degreeV: 1, knotsU: [0, 0, 1, 1], knotsV: [0, 0, 1, 1], points: [a, b, d, c] };
}

/** The six faces of an axis-aligned box as separate patches. */
export function boxPatches(min: Point, max: Point): NurbsPatch[] {
  const [x0, y0, z0] = min;
  const [x1, y1, z1] = max;
  return [
    planarPatch([x0, y0, z0], [x0, y1, z0], [x1, y1, z0], [x1, y0, z0]),
    planarPatch([x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]),
    planarPatch([x0, y0, z0], [x1, y0, z0], [x1, y0, z1], [x0, y0, z1]),
    planarPatch([x0, y1, z0], [x0, y1, z1], [x1, y1, z1], [x1, y1, z0]),
    planarPatch([x0, y0, z0], [x0, y0, z1], [x0, y1, z1], [x0, y1, z0]),
    planarPatch([x1, y0, z0], [x1, y1, z0], [x1, y1, z1], [x1, y0, z1]),
  ];
}

const circleKnots = [0, 0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1];
const circleWeights = [1, Math.SQRT1_2, 1, Math.SQRT1_2, 1, Math.SQRT1_2, 1, Math.SQRT1_2, 1];

/** The nine control points of an exact circle of `radius` around the Z axis at height z. */
function circlePoints(radius: number, z: number): Point[] {
  const corners: [number, number][] = [
    [1, 0],
    [1, 1],
    [0, 1],
    [-1, 1],
    [-1, 0],
    [-1, -1],
    [0, -1],
    [1, -1],
    [1, 0],
  ];
  return corners.map(([x, y]) => [x * radius, y * radius, z]);
}

/** A closed cylinder along Z: its side and two flat caps (each cap a circle collapsed to its centre). */
export function cylinderPatches(radius: number, height: number): NurbsPatch[] {
  const circle = (r: number, z: number) => circlePoints(r, z);
  const patch = (lower: Point[], upper: Point[]): NurbsPatch => ({
    degreeU: 2,
    degreeV: 1,
    knotsU: circleKnots,
    knotsV: [0, 0, 1, 1],
    points: [...lower, ...upper],
    weights: [...circleWeights, ...circleWeights],
  });
  return [
    patch(circle(radius, 0), circle(radius, height)),
    patch(circle(radius, 0), circle(0, 0)),
    patch(circle(0, height), circle(radius, height)),
  ];
}
