import type { Vector3 } from "./cylinder-geometry";

/** What a face belongs to: the MFCAD families, plus holes, fillets and what fits none. */
export type FaceFamily =
  "stock" | "hole" | "pocket" | "slot" | "step" | "passage" | "chamfer" | "fillet" | "other";

export interface PocketFeature {
  depthMm: number;
  lengthMm: number;
  widthMm: number;
  /** Smallest radius where two walls meet; 0 for a sharp inside corner. */
  minCornerRadiusMm: number;
  /** Open to a side of the part (walls do not close around the floor). */
  open: boolean;
  /** Direction the tool comes from (the floor's outward normal). */
  axis: Vector3;
  faces: number[];
}

/** A slot or a step: its width across, its length along, its depth along `axis`. */
export interface PrismaticFeature {
  widthMm: number;
  lengthMm: number;
  depthMm: number;
  /** Runs from one side of the part to the other along its length. */
  through: boolean;
  axis: Vector3;
  faces: number[];
}

export type SlotFeature = PrismaticFeature;
export type StepFeature = PrismaticFeature;

/** A non-round opening right through the part (round ones are holes). */
export interface PassageFeature {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  axis: Vector3;
  faces: number[];
}

export interface ChamferFeature {
  /** The shorter leg of the bevel, measured along a neighbouring face. */
  sizeMm: number;
  /** Angle between the bevel and that neighbour. */
  angleDeg: number;
  faces: number[];
}

export interface Depressions {
  pockets: PocketFeature[];
  slots: SlotFeature[];
  steps: StepFeature[];
  passages: PassageFeature[];
  chamfers: ChamferFeature[];
  /** Family per face id. */
  faceFamilies: FaceFamily[];
}
