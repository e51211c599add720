import {
  engineFailure,
  millimetresPerUnit,
  type CadFormat,
  type CadModel,
  type EngineResult,
  type SourceUnit,
} from "./cad-model";
import { read3mf } from "./read-3mf";
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
    case "iges":
    case "brep":
      return engineFailure(
        "unsupported_format",
        `Reading ${format.toUpperCase()} files is not available in this version of the engine yet. Upload STL, OBJ or 3MF.`,
      );
  }
}
