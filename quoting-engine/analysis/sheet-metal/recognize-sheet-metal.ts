import type { BrepFace } from "../../io/cad-model";
import type { DisplayMesh } from "../analyze-model";
import { DEFAULT_K_FACTOR, type SheetMetalResult } from "./sheet-metal-types";
import {
  collectSheetFaces,
  measurePlanesQuickly,
  crossProduct,
  dotProduct,
  subtract,
  type SheetFace,
  type Vec3,
} from "./sheet-metal-faces";
import { unfoldSheetMetal, type SheetMetalDetail } from "./unfold-sheet-metal";
import { flatMeshPlate } from "./flat-mesh-plate";

/** Thicker than this is plate, not sheet: no laser or press brake of the network takes it (mm). */
export const maxSheetThicknessMm = 25;

export interface SheetMetalAnalysis {
  result: SheetMetalResult;
  /** The unfolded part as the DFM rules read it (present when `result.ok`). */
  detail?: SheetMetalDetail;
}

export interface SheetMetalInput {
  faces: BrepFace[];
  mesh: DisplayMesh;
  volumeMm3: number;
  areaMm2: number;
  closedBodies: number;
  /** The faces are the kernel's exact surfaces (STEP, BREP), not regions fitted to a mesh. */
  exactFaces: boolean;
}

const not = (reason: string): SheetMetalAnalysis => ({ result: { ok: false, reason } });
const mm = (value: number) => `${Number(value.toFixed(2))} mm`;

/**
 * Recognises a part of constant thickness whose one side is a chain of planes and cylindrical bends
 * meeting tangentially, and unfolds it (decision 0053). Cheap tests come first so a milled block or a
 * mesh costs next to nothing: exact faces, one body, average thickness (2 × volume / area), the share
 * of surfaces no press brake forms.
 */
export function recognizeSheetMetal(
  input: SheetMetalInput,
  kFactor: number = DEFAULT_K_FACTOR,
): SheetMetalAnalysis {
  try {
    return recognize(input, kFactor);
  } catch {
    // Geometry no rule above foresaw (a degenerate face, a bend with no flange): say so, never fail the file.
    return not("Not recognised as sheet metal: its faces could not be unfolded into one flat blank.");
  }
}

function recognize(input: SheetMetalInput, kFactor: number): SheetMetalAnalysis {
  const averageMm = (2 * input.volumeMm3) / input.areaMm2;
  if (!input.exactFaces) return recognizeMesh(input, averageMm, kFactor);
  if (input.closedBodies !== 1)
    return not(
      `Not sheet metal: the file holds ${input.closedBodies} separate bodies; upload one bent part per file.`,
    );
  if (!(averageMm <= maxSheetThicknessMm))
    return not(
      `Not sheet metal: the part is a solid about ${mm(averageMm)} thick on average; sheet is at most ${mm(maxSheetThicknessMm)}.`,
    );
  const otherArea = input.faces
    .filter((face) => face.type !== "plane" && face.type !== "cylinder")
    .reduce((sum, face) => sum + face.areaMm2, 0);
  if (otherArea > 0.05 * input.areaMm2)
    return not(
      `Not sheet metal: ${Math.round((100 * otherArea) / input.areaMm2)} % of its surface is shaped (cones, spheres or free-form), which a press brake does not form.`,
    );

  const quickPlanes = measurePlanesQuickly(input.faces, input.mesh);
  const largest = quickPlanes.reduce<SheetFace | undefined>(
    (best, face) => (!best || face.areaMm2 > best.areaMm2 ? face : best),
    undefined,
  );
  if (!largest) return not("Not sheet metal: the part has no flat faces.");
  const thicknessMm = thicknessUnder(largest, quickPlanes);
  if (thicknessMm === undefined)
    return not("Not sheet metal: no face lies parallel to its largest flat face.");
  if (thicknessMm > maxSheetThicknessMm)
    return not(
      `Not sheet metal: the part is ${mm(thicknessMm)} thick; sheet is at most ${mm(maxSheetThicknessMm)}.`,
    );
  // A sheet's 2 × volume / area is its thickness less its edges' share: far from t, it is no sheet.
  if (averageMm > 1.05 * thicknessMm || averageMm < 0.4 * thicknessMm) {
    const [low, high] = thicknessRange(largest, quickPlanes, thicknessMm);
    return not(
      high - low > Math.max(0.01, 0.005 * thicknessMm)
        ? `Not sheet metal: the walls are ${mm(low)} to ${mm(high)} thick; sheet metal has one thickness.`
        : `Not sheet metal: the part is not ${mm(thicknessMm)} thick everywhere (ribs, bosses, pockets or thicker areas).`,
    );
  }
  const geometry = collectSheetFaces(input.faces, input.mesh);
  const planes = [...geometry.faces.values()].filter((face) => face.type === "plane" && face.normal);
  const base = geometry.faces.get(largest.id)!;
  const toleranceMm = Math.max(0.01, 0.005 * thicknessMm);

  // One side of the sheet: the largest plane and every face joined to it without an edge.
  const sideA = [base.id];
  const seen = new Set(sideA);
  for (let index = 0; index < sideA.length; index++) {
    const face = geometry.faces.get(sideA[index]!)!;
    for (const neighbourId of geometry.neighbours.get(face.id) ?? []) {
      const neighbour = geometry.faces.get(neighbourId)!;
      if (seen.has(neighbourId) || !smoothlyJoined(face, neighbour, toleranceMm)) continue;
      seen.add(neighbourId);
      sideA.push(neighbourId);
    }
  }

  const opposites = new Map<number, number>();
  const offsets: number[] = [];
  for (const id of sideA) {
    const face = geometry.faces.get(id)!;
    const opposite = oppositeFaceOf(face, geometry.faces, thicknessMm, toleranceMm, offsets);
    if (opposite === undefined) break;
    opposites.set(id, opposite);
  }
  if (opposites.size !== sideA.length) {
    const low = Math.min(thicknessMm, ...offsets);
    const high = Math.max(thicknessMm, ...offsets);
    return not(
      high - low > toleranceMm
        ? `Not sheet metal: the walls are ${mm(low)} to ${mm(high)} thick; sheet metal has one thickness.`
        : "Not sheet metal: its faces do not pair up into the two sides of one sheet.",
    );
  }

  // Volume of a sheet of this thickness over side A (bends: the annulus between r and r + t).
  let expectedMm3 = 0;
  for (const id of sideA) {
    const face = geometry.faces.get(id)!;
    if (face.type === "plane") expectedMm3 += face.areaMm2 * thicknessMm;
    else {
      const oppositeRadius = geometry.faces.get(opposites.get(id)!)!.radiusMm!;
      const inner = Math.min(face.radiusMm!, oppositeRadius);
      expectedMm3 += (face.areaMm2 / face.radiusMm!) * thicknessMm * (inner + thicknessMm / 2);
    }
  }
  if (Math.abs(expectedMm3 - input.volumeMm3) > 0.03 * input.volumeMm3) {
    const [low, high] = thicknessRange(base, planes, thicknessMm);
    return not(
      high - low > toleranceMm
        ? `Not sheet metal: the walls are ${mm(low)} to ${mm(high)} thick; sheet metal has one thickness.`
        : `Not sheet metal: the part is not ${mm(thicknessMm)} thick everywhere (ribs, bosses, pockets or thicker areas).`,
    );
  }
  const unfolded = unfoldSheetMetal(geometry, sideA, opposites, thicknessMm, kFactor);
  if (!unfolded.ok) return not(unfolded.reason);
  const { widthMm, heightMm } = unfolded.result.flatPattern;
  // A blank hardly wider than it is thick is a block or a bar, not a sheet.
  if (Math.min(widthMm, heightMm) < 2 * thicknessMm)
    return not(
      `Not sheet metal: a ${mm(widthMm)} × ${mm(heightMm)} piece ${mm(thicknessMm)} thick is a block or a bar, not a sheet.`,
    );
  return { result: unfolded.result, detail: unfolded.detail };
}

/** Thinnest and thickest wall square to the largest plane: each facing plane to the nearest one behind it. */
/**
 * A mesh carries no exact bends, so a bent part is not unfolded from it; a straight prism of one
 * thickness is a flat plate, priced as laser cutting from the outline of one side (decision 0086).
 */
function recognizeMesh(input: SheetMetalInput, averageMm: number, kFactor: number): SheetMetalAnalysis {
  const found =
    input.closedBodies === 1 && averageMm <= maxSheetThicknessMm
      ? flatMeshPlate(input.faces, input.mesh, input.areaMm2, input.volumeMm3)
      : undefined;
  // As for exact faces: a block whose edges hold most of its area (a cube) is no plate.
  const plate = found && averageMm >= 0.4 * found.thicknessMm ? found : undefined;
  if (!plate)
    return not(
      "Not recognised as sheet metal: a mesh (STL, OBJ, 3MF, IGES) does not carry the exact bends, and this one is no flat plate of one thickness. Upload the part as STEP to have it unfolded, or a DXF of its outline for a flat laser-cut part.",
    );
  if (plate.thicknessMm > maxSheetThicknessMm)
    return not(
      `Not sheet metal: the part is a plate ${mm(plate.thicknessMm)} thick; sheet is at most ${mm(maxSheetThicknessMm)}.`,
    );
  return {
    result: { ok: true, thicknessMm: plate.thicknessMm, kFactor, bends: [], flatPattern: plate.flatPattern },
  };
}

function thicknessRange(base: SheetFace, planes: SheetFace[], thicknessMm: number): [number, number] {
  let [low, high] = [thicknessMm, thicknessMm];
  for (const plane of planes) {
    if (Math.abs(dotProduct(plane.normal!, base.normal!)) < 1 - 1e-6) continue;
    const behind = thicknessUnder(plane, planes);
    if (behind === undefined) continue;
    low = Math.min(low, behind);
    high = Math.max(high, behind);
  }
  return [low, high];
}

/** Smallest distance from the largest plane to a plane facing the other way behind it, mm. */
function thicknessUnder(base: SheetFace, planes: SheetFace[]): number | undefined {
  let best: number | undefined;
  for (const plane of planes) {
    if (dotProduct(plane.normal!, base.normal!) > -1 + 1e-6) continue;
    const distance = base.offsetMm! + plane.offsetMm!;
    if (distance > 1e-3 && (best === undefined || distance < best)) best = distance;
  }
  return best;
}

function smoothlyJoined(a: SheetFace, b: SheetFace, toleranceMm: number): boolean {
  if (a.type === "plane" && b.type === "plane") return dotProduct(a.normal!, b.normal!) > 1 - 1e-6;
  if (a.type === "cylinder" && b.type === "cylinder")
    return coaxial(a, b, toleranceMm) && Math.abs(a.radiusMm! - b.radiusMm!) < toleranceMm;
  const plane = a.type === "plane" ? a : b;
  const cylinder = a.type === "cylinder" ? a : b;
  if (plane.type !== "plane" || cylinder.type !== "cylinder" || !cylinder.axis || !plane.normal) return false;
  if (Math.abs(dotProduct(plane.normal, cylinder.axis)) > 1e-4) return false;
  const axisDistance = dotProduct(plane.normal, cylinder.originMm!) - plane.offsetMm!;
  return Math.abs(Math.abs(axisDistance) - cylinder.radiusMm!) < toleranceMm;
}

export function coaxial(a: SheetFace, b: SheetFace, toleranceMm: number): boolean {
  if (!a.axis || !b.axis || Math.abs(dotProduct(a.axis, b.axis)) < 1 - 1e-6) return false;
  const offset = subtract(b.originMm!, a.originMm!);
  return Math.hypot(...crossProduct(offset, a.axis as Vec3)) < toleranceMm;
}

/** The face on the sheet's other side: a plane `t` behind, or a coaxial cylinder `t` larger or smaller. */
function oppositeFaceOf(
  face: SheetFace,
  faces: Map<number, SheetFace>,
  thicknessMm: number,
  toleranceMm: number,
  offsets: number[],
): number | undefined {
  let nearest: { id: number; distance: number } | undefined;
  for (const other of faces.values()) {
    if (other.id === face.id || other.type !== face.type) continue;
    let distance: number;
    if (face.type === "plane") {
      if (!other.normal || dotProduct(other.normal, face.normal!) > -1 + 1e-6) continue;
      distance = face.offsetMm! + other.offsetMm!;
      if (distance <= 1e-3) continue;
    } else {
      if (!coaxial(face, other, toleranceMm)) continue;
      distance = Math.abs(other.radiusMm! - face.radiusMm!);
      if (distance <= 1e-3) continue;
    }
    if (!nearest || distance < nearest.distance) nearest = { id: other.id, distance };
  }
  if (nearest && Math.abs(nearest.distance - thicknessMm) <= toleranceMm) return nearest.id;
  if (nearest) offsets.push(nearest.distance);
  return undefined;
}
