// The sheet-metal block of the analysis contract, shared with pricing (i23-price) and the storefront.
// Lengths in millimetres, angles in degrees; flat-pattern coordinates are in the unfolded blank's plane
// with its bounding rectangle starting at (0, 0).

export type FlatPoint = [number, number];

export type SheetMetalBend = {
  /** Bend angle: how far the flange is turned from flat (90 for a right-angle bend). */
  angleDeg: number;
  innerRadiusMm: number;
  /** Length of the bend line (along the bend axis). */
  lengthMm: number;
  /** B-rep face indices of the bend's cylinders (inner and outer). */
  faces: number[];
};

export type SheetMetalBendLine = {
  from: FlatPoint;
  to: FlatPoint;
  angleDeg: number;
  direction: "up" | "down";
  innerRadiusMm: number;
};

export type SheetMetalFlatPattern = {
  /** Width and height of the unfolded blank's bounding rectangle. */
  widthMm: number;
  heightMm: number;
  areaMm2: number;
  /** Outer contour plus every hole. */
  cutLengthMm: number;
  /** One per inner contour plus one for the outer contour. */
  pierces: number;
  outline: { outer: FlatPoint[]; holes: FlatPoint[][] };
  bendLines: SheetMetalBendLine[];
};

export type SheetMetalOk = {
  ok: true;
  thicknessMm: number;
  kFactor: number;
  bends: SheetMetalBend[];
  flatPattern: SheetMetalFlatPattern;
};

export type SheetMetalNot = {
  ok: false;
  /** Buyer-readable, e.g. "Not sheet metal: the walls are 3 to 12 mm thick". */
  reason: string;
};

export type SheetMetalResult = SheetMetalOk | SheetMetalNot;

/** Default K-factor when the pricing settings give none (DIN 6935 ~0.44 for r/t near 1 to 2). */
export const DEFAULT_K_FACTOR = 0.44;
