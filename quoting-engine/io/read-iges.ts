import { engineFailure, type CadModel, type EngineResult, type MeshPart } from "./cad-model";
import { getCadKernel } from "./cad-kernel";
import { openSurfacesFailure, sewnNotice, touchingBodiesFailure } from "../sewing/describe-sewing";
import { sewSurfaceMeshes } from "../sewing/sew-surface-meshes";

/**
 * Reads IGES with OpenCascade 7.6 (occt-import-js): the OpenCascade 8 build used for STEP has no IGES
 * reader. It yields meshes, not exact shapes, so IGES measurements come from a fine tessellation
 * (0.01 mm chord, 0.1 rad): exact for planar parts, within about 0.01 % on curved ones. Faces keep their
 * ids but not their surface types. Requires loadIgesKernel() to have finished.
 */
export function readIges(bytes: Uint8Array): EngineResult<CadModel> {
  const kernel = getCadKernel();
  const occtImport = kernel?.occtImport;
  if (!kernel || !occtImport)
    throw new Error("loadIgesKernel() (or prepareCadKernel()) must finish before reading IGES files");
  kernel.messages.length = 0;
  const text = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 400)));
  if (!/T\s*0*1\s*$/.test(text.trimEnd().split(/\r?\n/).at(-1)?.slice(72) ?? "")) {
    return engineFailure(
      "truncated",
      "The IGES file is cut off before its terminate section. Export and upload it again.",
    );
  }
  const result = occtImport.ReadIgesFile(bytes, {
    linearUnit: "millimeter",
    linearDeflectionType: "absolute_value",
    linearDeflection: 0.01,
    angularDeflection: 0.1,
  });
  if (!result.success)
    return engineFailure(
      "malformed",
      "The IGES file could not be read. Export it again from your CAD system, preferably as STEP.",
    );
  const parts: MeshPart[] = [];
  let faceCount = 0;
  for (const mesh of result.meshes) {
    const faceIds = new Int32Array(mesh.index.array.length / 3).fill(-1);
    for (const face of mesh.brep_faces) faceIds.fill(faceCount++, face.first, face.last + 1);
    parts.push({
      name: mesh.name,
      positions: Float64Array.from(mesh.attributes.position.array),
      indices: Uint32Array.from(mesh.index.array),
      faceIds,
    });
  }
  if (parts.length === 0)
    return engineFailure(
      "no_solid",
      "The IGES file holds no surfaces or solids, only curves or points. Export the part as a solid.",
    );
  const areas = faceAreasFromMesh(parts, faceCount);
  const faces = areas.map((areaMm2, id) => ({ id, type: "other" as const, areaMm2 }));
  // Surface models (faces that share no edges) are sewn into solids; closed solids pass unchanged.
  const sewing = igesHoldsSolids(bytes) ? undefined : sewSurfaceMeshes(parts);
  if (sewing && sewing.openings.sharedEdges > 0)
    return touchingBodiesFailure(faceCount, sewing.openings.sharedEdges);
  if (sewing && sewing.closedBodies === 0)
    return openSurfacesFailure(faceCount, sewing.openings, sewing.toleranceMm);
  return {
    ok: true,
    value: {
      format: "iges",
      sourceUnit: igesUnit(bytes),
      scaleToMm: 1,
      parts: sewing ? [sewing.part] : parts,
      faces,
      notices: sewing ? [sewnNotice(sewing.sewnSurfaces, sewing.toleranceMm, sewing.closedBodies)] : [],
    },
  };
}

/**
 * Whether the directory section lists a manifold solid (entity 186): such files are read as solids and
 * skip the sewing's check, which costs a weld of the whole mesh.
 */
function igesHoldsSolids(bytes: Uint8Array): boolean {
  const text = new TextDecoder("latin1").decode(bytes);
  return /^ {5}186 .{63}D/m.test(text);
}

/** The unit flag (global parameter 14) of the IGES global section; OpenCascade has already converted to mm. */
function igesUnit(bytes: Uint8Array): CadModel["sourceUnit"] {
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, 16_000));
  const global = text
    .split(/\r?\n/)
    .filter((line) => line[72] === "G")
    .map((line) => line.slice(0, 72))
    .join("");
  const flag = Number(globalParameters(global)[13]);
  return (
    (
      { 1: "inch", 2: "mm", 4: "ft", 6: "m", 10: "cm", 11: "micron" } as Record<
        number,
        CadModel["sourceUnit"]
      >
    )[flag] ?? "mm"
  );
}

/** Splits the global section into parameters, reading Hollerith strings (nHxxx) whole: they may hold commas. */
function globalParameters(global: string): string[] {
  const delimiter = global.startsWith("1H") ? (global[2] ?? ",") : ",";
  const parameters: string[] = [];
  let position = 0;
  while (position < global.length && parameters.length < 20) {
    const hollerith = /^\s*(\d+)H/.exec(global.slice(position));
    let value: string;
    if (hollerith) {
      const start = position + hollerith[0].length;
      value = global.slice(start, start + Number(hollerith[1]));
      position = start + Number(hollerith[1]);
    } else {
      const end = global.slice(position).search(/[,;]/);
      value = end === -1 ? global.slice(position) : global.slice(position, position + end);
      position += end === -1 ? global.length : end;
    }
    parameters.push(value.trim());
    position++; // the delimiter
  }
  return delimiter ? parameters : [];
}

/** Face areas from the fine tessellation: IGES faces get no exact area. */
export function faceAreasFromMesh(parts: MeshPart[], faceCount: number): number[] {
  const areas = new Array<number>(faceCount).fill(0);
  for (const part of parts) {
    const { positions, indices, faceIds } = part;
    if (!faceIds) continue;
    for (let triangle = 0; triangle < faceIds.length; triangle++) {
      const face = faceIds[triangle] ?? -1;
      if (face < 0) continue;
      const [a, b, c] = [
        indices[triangle * 3]! * 3,
        indices[triangle * 3 + 1]! * 3,
        indices[triangle * 3 + 2]! * 3,
      ];
      const u = [
        positions[b]! - positions[a]!,
        positions[b + 1]! - positions[a + 1]!,
        positions[b + 2]! - positions[a + 2]!,
      ];
      const v = [
        positions[c]! - positions[a]!,
        positions[c + 1]! - positions[a + 1]!,
        positions[c + 2]! - positions[a + 2]!,
      ];
      const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
      areas[face] = (areas[face] ?? 0) + Math.hypot(n[0]!, n[1]!, n[2]!) / 2;
    }
  }
  return areas;
}
