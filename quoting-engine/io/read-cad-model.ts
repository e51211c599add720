import {
  engineFailure,
  millimetresPerUnit,
  type CadModel,
  type EngineResult,
  type SourceUnit,
} from "./cad-model";
import type { CadFormat } from "../catalogue/catalogue";
import { discardCadKernel, getCadKernel } from "./cad-kernel";
import { read3mf } from "./read-3mf";
import { readBrepShape } from "./read-brep-shape";
import { readIges } from "./read-iges";
import { readObj } from "./read-obj";
import { readStl } from "./read-stl";

/** Budgets for reading one file; the caller passes them, the engine reads no settings of its own. */
export interface ReadBudget {
  /** Most triangles in the file's mesh (default 5 000 000); mesh formats check before allocating. */
  maxTriangles?: number;
  /**
   * A binary STL's mesh may live in working arrays kept for the next file (`readStl`'s `meshInScratch`):
   * for `analyzeFile`, which is done with the model before it returns (about 24 MB a million triangles
   * that are then not allocated afresh for each file).
   */
  meshInScratch?: boolean;
}

/**
 * Reads bytes of a known format into the engine's model, in millimetres. `assumeUnit` scales unitless
 * formats (STL, OBJ), whose coordinates are otherwise read as millimetres. A mesh over the triangle
 * budget fails with `too_large`: STL, OBJ and 3MF before their arrays grow past it, STEP, IGES and BREP
 * (whose mesh the CAD kernel tessellates) as soon as the kernel's mesh is counted.
 */
export function readCadModel(
  format: CadFormat,
  bytes: Uint8Array,
  assumeUnit?: Exclude<SourceUnit, "unknown">,
  budget: ReadBudget = {},
): EngineResult<CadModel> {
  const maxTriangles = budget.maxTriangles ?? 5_000_000;
  const read = withinTriangleBudget(
    readByFormat(format, bytes, maxTriangles, budget.meshInScratch === true),
    maxTriangles,
  );
  if (!read.ok || !assumeUnit || read.value.sourceUnit !== "unknown") return read;
  const scale = millimetresPerUnit[assumeUnit];
  for (const part of read.value.parts)
    for (let index = 0; index < part.positions.length; index++) part.positions[index]! *= scale;
  return { ok: true, value: { ...read.value, sourceUnit: assumeUnit, scaleToMm: scale } };
}

/** Every format's mesh counted once more: the kernel's tessellation has no header to check first. */
function withinTriangleBudget(read: EngineResult<CadModel>, maxTriangles: number): EngineResult<CadModel> {
  if (!read.ok) return read;
  const triangles = read.value.parts.reduce((sum, part) => sum + part.indices.length / 3, 0);
  if (triangles <= maxTriangles) return read;
  return engineFailure(
    "too_large",
    `The ${read.value.format.toUpperCase()} file's mesh has ${triangles.toLocaleString("en")} triangles; we analyse at most ` +
      `${maxTriangles.toLocaleString("en")} per file. Simplify the model or export it with a coarser tessellation.`,
  );
}

function readByFormat(
  format: CadFormat,
  bytes: Uint8Array,
  maxTriangles: number,
  meshInScratch: boolean,
): EngineResult<CadModel> {
  switch (format) {
    case "stl":
      return readStl(bytes, { maxTriangles, meshInScratch });
    case "obj":
      return readObj(new TextDecoder().decode(bytes), { maxTriangles });
    case "3mf":
      return read3mf(bytes, { maxTriangles });
    case "step":
    case "brep":
    case "iges":
      return readWithKernel(format, bytes);
    case "dxf":
      // A drawing has no solid to measure: it is read as a flat pattern (io/dxf), at a thickness chosen.
      return engineFailure(
        "unsupported_format",
        "A DXF drawing is a flat pattern, not a 3D model: price it as laser cutting with its sheet thickness.",
      );
  }
}

/**
 * OpenCascade can trap on damaged input (a WebAssembly RuntimeError). The file is then refused and the
 * kernel discarded, so the next file gets a fresh one (initCadKernel() again).
 */
function readWithKernel(format: "step" | "brep" | "iges", bytes: Uint8Array): EngineResult<CadModel> {
  if (!getCadKernel()) throw new Error("initCadKernel() must finish before reading STEP, IGES or BREP files");
  try {
    return format === "iges" ? readIges(bytes) : readBrepShape(format, bytes);
  } catch (error) {
    discardCadKernel();
    return engineFailure(
      "malformed",
      `The ${format.toUpperCase()} file is damaged: the CAD kernel stopped while reading it (${(error as Error).message.slice(0, 80)}). Export it again from your CAD system.`,
    );
  }
}
