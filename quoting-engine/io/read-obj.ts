import {
  engineFailure,
  type CadModel,
  type EngineNotice,
  type EngineResult,
  type MeshPart,
} from "./cad-model";

/** Free-form geometry statements: curves and surfaces we don't tessellate. */
const FREE_FORM_KEYWORDS = new Set([
  "cstype",
  "curv",
  "curv2",
  "surf",
  "bmat",
  "deg",
  "step",
  "parm",
  "trim",
  "hole",
]);

/** A part under construction; OBJ vertices are global, so each part keeps its own compact copy. */
interface PartBuilder {
  name: string | undefined;
  positions: number[];
  indices: number[];
}

/**
 * Reads Wavefront OBJ text into one mesh part per `o` or `g` that has faces. OBJ has no units:
 * coordinates are taken as millimetres (sourceUnit "unknown"). Faces may use `a`, `a/b`, `a//c` or
 * `a/b/c`, with negative indices counting back from the last vertex read; polygons are
 * fan-triangulated. Normals, texture coordinates and materials are ignored.
 *
 * Fails with empty_file (blank text) or malformed (a non-numeric coordinate, a face with fewer than
 * three corners, an index outside the vertices read so far, or no faces at all), naming the line.
 */
export function readObj(text: string, options: { maxTriangles?: number } = {}): EngineResult<CadModel> {
  if (!/\S/.test(text)) return engineFailure("empty_file", "The OBJ file is empty. Export the part again.");
  // Counted while scanning, before the vertex and index lists grow past the budget.
  const maxTriangles = options.maxTriangles ?? 5_000_000;
  let triangles = 0;
  const tooMany = (what: "triangles" | "vertices") =>
    engineFailure(
      "too_large",
      `The OBJ file holds more than ${(what === "triangles" ? maxTriangles : maxTriangles * 3).toLocaleString("en")} ${what}, ` +
        "more than we analyse per file. Export it with a coarser tessellation (or decimate the mesh) and upload it again.",
    );

  const vertices: number[] = [];
  const parts: MeshPart[] = [];
  const notices: EngineNotice[] = [];
  // Global vertex -> index within the current part, valid where ownerOf matches the part's serial.
  let localOf = new Int32Array(1024);
  let ownerOf = new Int32Array(1024);
  let serial = 1;
  let part: PartBuilder = { name: undefined, positions: [], indices: [] };
  let sawFreeForm = false;

  const finishPart = (): void => {
    if (part.indices.length === 0) return;
    const mesh: MeshPart = {
      positions: Float64Array.from(part.positions),
      indices: Uint32Array.from(part.indices),
    };
    if (part.name !== undefined) mesh.name = part.name;
    parts.push(mesh);
    serial++;
    part = { name: undefined, positions: [], indices: [] };
  };

  const localIndex = (global: number): number => {
    if (global >= localOf.length) {
      const size = Math.max(global + 1, localOf.length * 2);
      const biggerLocal = new Int32Array(size);
      const biggerOwner = new Int32Array(size);
      biggerLocal.set(localOf);
      biggerOwner.set(ownerOf);
      localOf = biggerLocal;
      ownerOf = biggerOwner;
    }
    if (ownerOf[global] === serial) return localOf[global]!;
    const local = part.positions.length / 3;
    part.positions.push(vertices[global * 3]!, vertices[global * 3 + 1]!, vertices[global * 3 + 2]!);
    localOf[global] = local;
    ownerOf[global] = serial;
    return local;
  };

  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const statementLine = ++lineNumber;
    let line = text.slice(start, end).trim();
    start = end + 1;
    // A trailing backslash continues the statement on the next line.
    while (line.endsWith("\\") && start < text.length) {
      end = text.indexOf("\n", start);
      if (end === -1) end = text.length;
      lineNumber++;
      line = `${line.slice(0, -1)} ${text.slice(start, end).trim()}`;
      start = end + 1;
    }
    if (line === "" || line.startsWith("#")) continue;

    const tokens = withoutComment(line).split(/\s+/);
    const keyword = tokens[0];
    if (keyword === "v") {
      const x = coordinate(tokens[1]);
      const y = coordinate(tokens[2]);
      const z = coordinate(tokens[3]);
      if (x === undefined || y === undefined || z === undefined) {
        return engineFailure(
          "malformed",
          `Line ${statementLine} of the OBJ file has an invalid vertex: "${line.slice(0, 80)}". ` +
            "The file is damaged; export it again.",
        );
      }
      if (vertices.length >= maxTriangles * 9) return tooMany("vertices");
      vertices.push(x, y, z);
    } else if (keyword === "f") {
      const vertexCount = vertices.length / 3;
      const corners: number[] = [];
      for (let i = 1; i < tokens.length; i++) {
        const reference = tokens[i]!;
        const global = vertexReference(reference, vertexCount);
        if (global === "invalid") {
          return engineFailure(
            "malformed",
            `Line ${statementLine} of the OBJ file has an invalid face corner "${reference}". ` +
              "The file is damaged; export it again.",
          );
        }
        if (global === "out_of_range") {
          return engineFailure(
            "malformed",
            `Line ${statementLine} of the OBJ file refers to vertex "${reference}", but only ${vertexCount} ` +
              "vertices are defined before it. The file is damaged; export it again.",
          );
        }
        corners.push(localIndex(global));
      }
      if (corners.length < 3) {
        return engineFailure(
          "malformed",
          `Line ${statementLine} of the OBJ file has a face with fewer than three corners. The file is damaged; export it again.`,
        );
      }
      triangles += corners.length - 2;
      if (triangles > maxTriangles) return tooMany("triangles");
      const first = corners[0]!;
      for (let i = 1; i + 1 < corners.length; i++) part.indices.push(first, corners[i]!, corners[i + 1]!);
    } else if (keyword === "o" || keyword === "g") {
      finishPart();
      part.name = line.slice(1).trim() || undefined;
    } else if (keyword !== undefined && FREE_FORM_KEYWORDS.has(keyword)) {
      sawFreeForm = true;
    }
    // Everything else (vn, vt, vp, usemtl, mtllib, newmtl, s, l, p, ...) has no bearing on the solid.
  }
  finishPart();

  if (parts.length === 0) {
    return engineFailure(
      "malformed",
      "The OBJ file has no surfaces: it contains no faces, only points, lines or nothing at all. " +
        "Export the part as a mesh with faces.",
    );
  }
  if (sawFreeForm) {
    notices.push({
      code: "obj_free_form_ignored",
      severity: "warning",
      message:
        "The OBJ file also holds free-form curves or surfaces, which we ignored; only its polygon faces were measured.",
    });
  }
  return {
    ok: true,
    value: { format: "obj", sourceUnit: "unknown", scaleToMm: 1, parts, faces: [], notices },
  };
}

/** Some exporters append comments to statements; OBJ names never matter after a `#`. */
function withoutComment(line: string): string {
  const hash = line.indexOf("#");
  return hash === -1 ? line : line.slice(0, hash).trimEnd();
}

function coordinate(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const value = Number(token);
  return Number.isFinite(value) ? value : undefined;
}

/** 0-based global vertex index of a face corner `a`, `a/b`, `a//c` or `a/b/c`. */
function vertexReference(reference: string, vertexCount: number): number | "invalid" | "out_of_range" {
  const slash = reference.indexOf("/");
  const text = slash === -1 ? reference : reference.slice(0, slash);
  if (!/^[+-]?\d+$/.test(text)) return "invalid";
  const index = Number(text);
  // Positive indices count from 1; negative ones count back from the last vertex read.
  const global = index > 0 ? index - 1 : vertexCount + index;
  return index !== 0 && global >= 0 && global < vertexCount ? global : "out_of_range";
}
