import { engineFailure, type CadModel, type EngineResult } from "./cad-model";
import { weldBinaryStlCorners } from "./weld-binary-stl-corners";

const binaryHeaderBytes = 84;
const binaryTriangleBytes = 50;
const defaultMaxTriangles = 5_000_000;

export interface ReadStlOptions {
  /** Most triangles read (default 5 000 000): checked against the binary header's count before any array is made. */
  maxTriangles?: number;
  /**
   * A binary file's welded `indices` and `positions` may be working arrays kept for the next file
   * (`weldBinaryStlCorners`'s `inScratch`): only for a caller that reads them before the next STL is read.
   */
  meshInScratch?: boolean;
}

/**
 * Reads binary or ASCII STL into one mesh part per `solid` (ASCII) or one for the file (binary).
 * STL has no units: coordinates are taken as millimetres (sourceUnit "unknown"). A binary file must be
 * exactly 84 + 50·n bytes for its declared n triangles; shorter is `truncated`.
 */
export function readStl(bytes: Uint8Array, options: ReadStlOptions = {}): EngineResult<CadModel> {
  const maxTriangles = options.maxTriangles ?? defaultMaxTriangles;
  if (bytes.length === 0)
    return engineFailure("empty_file", "The file is empty (0 bytes). Export the part again.");
  if (looksLikeAsciiStl(bytes)) return readAsciiStl(bytes, maxTriangles);
  return readBinaryStl(bytes, maxTriangles, options.meshInScratch === true);
}

function tooManyTriangles(count: string, maxTriangles: number) {
  return engineFailure(
    "too_large",
    `The STL file holds ${count} triangles; we analyse at most ${maxTriangles.toLocaleString("en")} per file. ` +
      "Export it with a coarser tessellation (or decimate the mesh) and upload it again.",
  );
}

function looksLikeAsciiStl(bytes: Uint8Array): boolean {
  // Many binary exporters also start their 80-byte header with "solid"; a binary file is recognised
  // by its exact size, an ASCII one by text that goes on to a facet.
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  const start = new TextDecoder().decode(sample).trimStart();
  if (!/^solid\b/i.test(start)) return false;
  if (bytes.length >= binaryHeaderBytes) {
    const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
    if (bytes.length === binaryHeaderBytes + declared * binaryTriangleBytes) return false;
    // A cut-off binary file whose header names a "facet": its count and floats hold control bytes.
    if (sample.subarray(80).some(isControlByte)) return false;
  }
  return /facet|endsolid/i.test(start) || bytes.length < binaryHeaderBytes;
}

/** Bytes no text holds (NUL and the like); tab, line feeds and form feed are text. */
function isControlByte(byte: number): boolean {
  return byte < 9 || (byte > 13 && byte < 32) || byte === 127;
}

function readBinaryStl(bytes: Uint8Array, maxTriangles: number, inScratch: boolean): EngineResult<CadModel> {
  if (bytes.length < binaryHeaderBytes) {
    return engineFailure(
      "truncated",
      `The STL file is only ${bytes.length} bytes long, shorter than an STL header. Export the part again.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const triangleCount = view.getUint32(80, true);
  // The bytes present first: a damaged header's count (a billion triangles in a file of one) is no
  // limit to report. Both checks come before the positions array is sized from the count.
  const expectedBytes = binaryHeaderBytes + triangleCount * binaryTriangleBytes;
  if (bytes.length < expectedBytes) {
    const present = Math.floor((bytes.length - binaryHeaderBytes) / binaryTriangleBytes);
    return engineFailure(
      "truncated",
      `The STL file is cut off or damaged: its header announces ${triangleCount.toLocaleString("en")} triangles ` +
        `but its ${bytes.length.toLocaleString("en")} bytes hold only ${present.toLocaleString("en")}. ` +
        "The upload or the export was interrupted; export and upload it again.",
    );
  }
  if (triangleCount > maxTriangles) return tooManyTriangles(triangleCount.toLocaleString("en"), maxTriangles);
  if (triangleCount === 0) {
    return engineFailure(
      "no_solid",
      "The STL file contains no triangles. Export the part again with its geometry.",
    );
  }
  // Read and welded in one pass over the file's bytes (no array of 9 numbers per triangle).
  const welded = weldBinaryStlCorners(bytes, triangleCount, inScratch);
  if (!welded) {
    return engineFailure(
      "malformed",
      "The STL file contains invalid coordinates (not numbers). Export the part again.",
    );
  }
  return { ok: true, value: modelOf([{ ...welded, welded: true }]) };
}

function readAsciiStl(bytes: Uint8Array, maxTriangles: number): EngineResult<CadModel> {
  const text = new TextDecoder().decode(bytes);
  const parts: CadModel["parts"] = [];
  let coordinates: number[] = [];
  let name: string | undefined;
  let inSolid = false;
  let verticesInFacet = 0;
  let vertices = 0;
  const lines = text.split(/\r?\n|\r/);
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = (lines[lineIndex] ?? "").trim();
    if (line === "") continue;
    const keyword = line.split(/\s+/, 1)[0]?.toLowerCase();
    if (keyword === "solid") {
      inSolid = true;
      name = line.slice(5).trim() || undefined;
      coordinates = [];
    } else if (keyword === "vertex") {
      if (++vertices > maxTriangles * 3)
        return tooManyTriangles(`more than ${maxTriangles.toLocaleString("en")}`, maxTriangles);
      const values = line.split(/\s+/).slice(1, 4).map(Number);
      if (values.length !== 3 || !values.every(Number.isFinite)) {
        return engineFailure(
          "malformed",
          `Line ${lineIndex + 1} of the STL file has an invalid vertex: "${line.slice(0, 80)}".`,
        );
      }
      coordinates.push(...values);
      verticesInFacet++;
    } else if (keyword === "endloop") {
      if (verticesInFacet !== 3) {
        return engineFailure(
          "malformed",
          `Facet ending on line ${lineIndex + 1} has ${verticesInFacet} vertices instead of 3.`,
        );
      }
      verticesInFacet = 0;
    } else if (keyword === "endsolid") {
      if (coordinates.length > 0) parts.push(meshPart(coordinates, name));
      inSolid = false;
      coordinates = [];
    }
  }
  if (inSolid) {
    return engineFailure(
      "truncated",
      "The STL file is cut off before its end (no endsolid line). The upload or export was interrupted; export and upload it again.",
    );
  }
  if (parts.length === 0) {
    return engineFailure(
      "no_solid",
      "The STL file contains no triangles. Export the part again with its geometry.",
    );
  }
  return { ok: true, value: modelOf(parts) };
}

function meshPart(coordinates: number[], name: string | undefined): CadModel["parts"][number] {
  return {
    name,
    positions: Float64Array.from(coordinates),
    indices: sequentialIndices(coordinates.length / 3),
  };
}

function sequentialIndices(count: number): Uint32Array {
  const indices = new Uint32Array(count);
  for (let index = 0; index < count; index++) indices[index] = index;
  return indices;
}

function modelOf(parts: CadModel["parts"]): CadModel {
  return { format: "stl", sourceUnit: "unknown", scaleToMm: 1, parts, faces: [], notices: [] };
}
