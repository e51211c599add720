import type { BrepFace } from "../io/cad-model";
import type { BodyReport, DisplayMesh } from "./analyze-model";
import { formatNumber } from "./format-number";
import { subMesh } from "./sub-mesh";
import {
  maxSheetThicknessMm,
  recognizeSheetMetal,
  type SheetMetalAnalysis,
} from "./sheet-metal/recognize-sheet-metal";
import type { SheetMetalOk, SheetMetalResult } from "./sheet-metal/sheet-metal-types";

/** One of several separate parts in a file, as pricing makes it: alone, from its own stock or blank. */
export interface SeparatePart {
  /** Index into the report's `bodies`. */
  body: number;
  /** The 3-axis setups it needs on its own. */
  setups: number;
  /** Its own flat blank: present for every part that is a flat or bent sheet (decision 0116; before it,
   * only when every part of the file was sheet of one thickness: see `sheetSetOf`). */
  sheetMetal?: SheetMetalOk;
  /**
   * The process that makes it, in a file where sheet parts are (decision 0116): laser cutting for a flat
   * sheet, sheet metal (cut and bent) for a bent one, CNC milling for a part that is not sheet. Absent
   * when no part of the file is sheet.
   */
  process?: "laser_cutting" | "sheet_metal" | "cnc_milling";
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
 * the setups it needs alone, and, for each part that is a flat or bent sheet, its own flat blank and the
 * process that makes it (decision 0116). The sheet-metal answer for the file says which part is not
 * sheet, or that the parts are priced blank by blank. Cheap test first, part by part: a part over sheet
 * thickness on average (a block, a bolt's head) is no sheet without any unfolding. `sheetParts` holds the
 * unfolded detail of each sheet part, for the sheet-metal rules run part by part.
 */
export function describeSeparateParts(input: SeparatePartsInput): {
  parts: SeparatePart[];
  sheetMetal: SheetMetalResult;
  sheetParts: ({ analysis: SheetMetalAnalysis; name: string } | undefined)[];
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

  const sheetOf = (part: number): SheetMetalAnalysis => {
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
    );
  };
  const partName = (part: number) => {
    const box = bodies[partBodies[part]!]!.bbox;
    const size = box.max.map((value, axis) => formatNumber(value - box.min[axis]!)).join(" × ");
    return `part ${part + 1} of ${partBodies.length} (${size} mm)`;
  };
  const notSheet = (part: number, result: SheetMetalResult & { ok: false }): string =>
    `Not sheet metal: ${partName(part)}: ${result.reason.replace(/^Not (sheet metal|recognised as sheet metal): /, "")}`;
  // Sheet's thickness at most (recognize-sheet-metal's first test), part by part before any unfolding.
  const thin = (part: number) => {
    const { volumeMm3, areaMm2 } = bodies[partBodies[part]!]!;
    return (2 * volumeMm3) / areaMm2 <= maxSheetThicknessMm;
  };
  // An assembly of bolts and brackets stops after two parts that are thin on average but no sheet, with
  // no sheet part found yet: it is not unfolded part by part (the cost decision 0110 measured).
  let failures = 0;
  let found = 0;
  const sheetParts = partBodies.map((_, part) => {
    if (!thin(part) || (failures >= 2 && found === 0)) return undefined;
    const analysis = sheetOf(part);
    if (analysis.result.ok) found++;
    else failures++;
    return { analysis, name: partName(part) };
  });
  const firstNotSheet = sheetParts.findIndex((sheet) => !sheet?.analysis.result.ok);
  const sheets = sheetParts.flatMap((sheet) => (sheet?.analysis.result.ok ? [sheet.analysis.result] : []));
  sheetParts.forEach((sheet, part) => {
    if (!sheet?.analysis.result.ok) return;
    parts[part]!.sheetMetal = sheet.analysis.result;
  });
  if (sheets.length > 0)
    parts.forEach(
      (part) =>
        (part.process = !part.sheetMetal
          ? "cnc_milling"
          : part.sheetMetal.bends.length > 0
            ? "sheet_metal"
            : "laser_cutting"),
    );
  if (firstNotSheet >= 0) {
    const result = sheetParts[firstNotSheet]?.analysis.result ?? sheetOf(firstNotSheet).result;
    const reason = result.ok ? "Not sheet metal." : notSheet(firstNotSheet, result);
    return {
      parts,
      sheetParts,
      sheetMetal: {
        ok: false,
        reason: sheets.length === 0 ? reason : `${reason} ${mixedSetAdvice(parts)}`,
      },
    };
  }
  const thicknesses = sheets.map((sheet) => sheet.thicknessMm);
  const [thinnest, thickest] = [Math.min(...thicknesses), Math.max(...thicknesses)];
  if (thickest - thinnest > Math.max(0.01, 0.005 * thickest))
    return {
      parts,
      sheetParts,
      sheetMetal: {
        ok: false,
        reason: `Not sheet metal: the ${partBodies.length} parts are ${formatNumber(thinnest)} to ${formatNumber(thickest)} mm thick; one order is cut from one sheet thickness. Upload the parts of each thickness as their own file.`,
      },
    };
  return {
    parts,
    sheetParts,
    sheetMetal: {
      ok: false,
      reason: `The file holds ${partBodies.length} separate sheet parts, ${formatNumber(thickest)} mm thick: each is priced from its own flat blank.`,
    },
  };
}

/** "Parts 1 and 3 are sheet metal (…)": what a buyer of a file mixing sheet parts and others can do. */
function mixedSetAdvice(parts: SeparatePart[]): string {
  const numbers = (process: SeparatePart["process"]) =>
    parts.flatMap((part, index) => (part.process === process ? [index + 1] : []));
  const list = (values: number[]) =>
    values.length === 1
      ? `part ${values[0]}`
      : `parts ${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
  const sheet = [...numbers("laser_cutting"), ...numbers("sheet_metal")].sort((a, b) => a - b);
  const other = numbers("cnc_milling");
  return `The file mixes sheet parts (${list(sheet)}) with ${other.length === 1 ? "a part" : "parts"} to be machined (${list(other)}): one order line is made by one process, so upload the sheet parts as a file of their own to have them cut${numbers("sheet_metal").length > 0 ? " and bent" : ""}.`;
}

/**
 * The blanks a sheet process prices for a file of several parts: each part's own, when every part is a
 * sheet of one thickness (decision 0110), else none. Reports stored before decision 0116 held blanks
 * only in that case; newer ones hold each sheet part's blank, so the set is checked here.
 */
export function sheetSetOf(
  parts: readonly { sheetMetal?: SheetMetalOk | undefined }[],
): SheetMetalOk[] | undefined {
  if (parts.length < 2 || !parts.every((part) => part.sheetMetal)) return undefined;
  const sheets = parts.map((part) => part.sheetMetal!);
  const thicknesses = sheets.map((sheet) => sheet.thicknessMm);
  const thickest = Math.max(...thicknesses);
  return thickest - Math.min(...thicknesses) > Math.max(0.01, 0.005 * thickest) ? undefined : sheets;
}
