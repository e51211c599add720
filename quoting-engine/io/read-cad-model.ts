import {
  engineFailure,
  millimetresPerUnit,
  type CadFormat,
  type CadModel,
  type EngineResult,
  type SourceUnit,
} from "./cad-model";
import { discardCadKernel, getCadKernel } from "./cad-kernel";
import { read3mf } from "./read-3mf";
import { readBrepShape } from "./read-brep-shape";
import { readIges } from "./read-iges";
import { readObj } from "./read-obj";
import { readStl } from "./read-stl";

/**
 * Reads bytes of a known format into the engine's model, in millimetres. `assumeUnit` scales unitless
 * formats (STL, OBJ), whose coordinates are otherwise read as millimetres.
 */
export function readCadModel(
  format: CadFormat,
  bytes: Uint8Array,
  assumeUnit?: Exclude<SourceUnit, "unknown">,
): EngineResult<CadModel> {
  const read = readByFormat(format, bytes);
  if (!read.ok || !assumeUnit || read.value.sourceUnit !== "unknown") return read;
  const scale = millimetresPerUnit[assumeUnit];
  for (const part of read.value.parts)
    for (let index = 0; index < part.positions.length; index++) part.positions[index]! *= scale;
  return { ok: true, value: { ...read.value, sourceUnit: assumeUnit, scaleToMm: scale } };
}

function readByFormat(format: CadFormat, bytes: Uint8Array): EngineResult<CadModel> {
  switch (format) {
    case "stl":
      return readStl(bytes);
    case "obj":
      return readObj(new TextDecoder().decode(bytes));
    case "3mf":
      return read3mf(bytes);
    case "step":
    case "brep":
    case "iges":
      return readWithKernel(format, bytes);
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
