import type { BrepFace } from "../io/cad-model";
import type { BodyReport, DisplayMesh } from "./analyze-model";
import { formatNumber } from "./format-number";
import { subMesh } from "./sub-mesh";
import { maxSheetThicknessMm, recognizeSheetMetal } from "./sheet-metal/recognize-sheet-metal";
import type { SheetMetalOk, SheetMetalResult } from "./sheet-metal/sheet-metal-types";

/** One of several separate parts in a file, as pricing makes it: alone, from its own stock or blank. */
export interface SeparatePart {
  /** Index into the report's `bodies`. */
  body: number;
  /** The 3-axis setups it needs on its own. */
  setups: number;
  /** Its own flat blank: present when every part of the file is sheet of one thickness. */
  sheetMetal?: SheetMetalOk;
}

export interface SeparatePartsInput {
  bodies: BodyReport[];
  /** The closed bodies that are parts (not a void's wall), in body order. */
  partBodies: number[];
  faces: BrepFace[];
  mesh: DisplayMesh;
  /** By body index, from recognizeFeatures (absent when recognition was off). */
  partSetups?: number[];
  exactFaces: boolean;
  kFactor?: number;
}

/**
 * Describes each separate part of a file so it is priced as the set of its parts (decision 0110):
 * the setups it needs alone, and, when every part is a flat or bent sheet of one thickness,
 * each part's own flat blank. The sheet-metal answer for the file says which part is not sheet, or
 * that the parts are priced blank by blank. Cheap tests first, over all parts, so an assembly of
 * bolts costs next to nothing: a part over sheet thickness on average stops it before any unfolding.
 */
export function describeSeparateParts(input: SeparatePartsInput): {
  parts: SeparatePart[];
  sheetMetal: SheetMetalResult;
} {
  const { bodies, partBodies, mesh } = input;
  const partOfBody = new Int32Array(bodies.length).fill(-1);
  partBodies.forEach((body, part) => (partOfBody[body] = part));
  bodies.forEach((body, index) => {
    if (body.voidOf !== undefined) partOfBody[index] = partOfBody[body.voidOf] ?? -1;
  });
  const trianglesOfPart: number[][] = partBodies.map(() => []);
  const partOfFace = new Int32Array(input.faces.length).fill(-1);
  for (let triangle = 0; triangle < mesh.bodyIds.length; triangle++) {
    const part = partOfBody[mesh.bodyIds[triangle]!]!;
    if (part < 0) continue;
    trianglesOfPart[part]!.push(triangle);
    const face = mesh.faceIds[triangle]!;
    if (face >= 0 && face < partOfFace.length) partOfFace[face] = part;
  }
  const parts: SeparatePart[] = partBodies.map((body) => ({
    body,
    setups: Math.max(1, input.partSetups?.[body] ?? 1),
  }));
  const facesOfPart: BrepFace[][] = partBodies.map(() => []);
  for (const face of input.faces)
    if (partOfFace[face.id]! >= 0) facesOfPart[partOfFace[face.id]!]!.push(face);

  const sheetOf = (part: number): SheetMetalResult => {
    const body = bodies[partBodies[part]!]!;
    return recognizeSheetMetal(
      {
        faces: facesOfPart[part]!,
        mesh: subMesh(mesh, trianglesOfPart[part]!),
        volumeMm3: body.volumeMm3,
        areaMm2: body.areaMm2,
        closedBodies: 1,
        exactFaces: input.exactFaces,
      },
      input.kFactor,
    ).result;
  };
  const partName = (part: number) => {
    const box = bodies[partBodies[part]!]!.bbox;
    const size = box.max.map((value, axis) => formatNumber(value - box.min[axis]!)).join(" × ");
    return `part ${part + 1} of ${partBodies.length} (${size} mm)`;
  };
  const notSheet = (part: number, result: SheetMetalResult & { ok: false }): SheetMetalResult => ({
    ok: false,
    reason: `Not sheet metal: ${partName(part)}: ${result.reason.replace(/^Not (sheet metal|recognised as sheet metal): /, "")}`,
  });
  // Sheet's thickness at most (recognize-sheet-metal's first test), over every part before any unfolding.
  const thick = partBodies.findIndex((body) => {
    const { volumeMm3, areaMm2 } = bodies[body]!;
    return !((2 * volumeMm3) / areaMm2 <= maxSheetThicknessMm);
  });
  if (thick >= 0) {
    const result = sheetOf(thick);
    return {
      parts,
      sheetMetal: result.ok ? { ok: false, reason: "Not sheet metal." } : notSheet(thick, result),
    };
  }
  const sheets: SheetMetalOk[] = [];
  for (let part = 0; part < partBodies.length; part++) {
    const result = sheetOf(part);
    if (!result.ok) return { parts, sheetMetal: notSheet(part, result) };
    sheets.push(result);
  }
  const thicknesses = sheets.map((sheet) => sheet.thicknessMm);
  const [thinnest, thickest] = [Math.min(...thicknesses), Math.max(...thicknesses)];
  if (thickest - thinnest > Math.max(0.01, 0.005 * thickest))
    return {
      parts,
      sheetMetal: {
        ok: false,
        reason: `Not sheet metal: the ${partBodies.length} parts are ${formatNumber(thinnest)} to ${formatNumber(thickest)} mm thick; one order is cut from one sheet thickness. Upload the parts of each thickness as their own file.`,
      },
    };
  sheets.forEach((sheet, part) => (parts[part]!.sheetMetal = sheet));
  return {
    parts,
    sheetMetal: {
      ok: false,
      reason: `The file holds ${partBodies.length} separate sheet parts, ${formatNumber(thickest)} mm thick: each is priced from its own flat blank.`,
    },
  };
}
