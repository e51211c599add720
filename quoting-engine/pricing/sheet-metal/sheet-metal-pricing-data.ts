/**
 * The sheet-metal part of the pricing data (PricingData.sheetMetal): stocked materials' thickness ranges,
 * sheet formats, the fibre laser's speed table, the press brake's times and the K-factor table the
 * unfolding uses. Every default carries its source in default-sheet-metal-data.ts and
 * docs/decisions/0054-sheet-metal-pricing.md; operations edit them on /ops/settings.
 */
export const sheetMaterialGroups = ["steel", "stainless", "aluminium"] as const;
export type SheetMaterialGroup = (typeof sheetMaterialGroups)[number];

export interface SheetMetalPricing {
  /** Per sheet material code: its group (speeds, K-factor, tonnage) and the thicknesses stocked. */
  materials: Record<string, SheetStock>;
  /** Sheet formats a partner buys, mm (long × short edge); the blank is nested on the best one. */
  sheetSizesMm: [number, number][];
  /** Gap between nested blanks and the trimmed sheet edge, mm. */
  partSpacingMm: number;
  edgeTrimMm: number;
  /** Share of the nested sheet area lost as skeleton and unusable remnant, on top of the blank's share. */
  scrapShare: number;
  /** Cutting speed and pierce time by group and thickness, interpolated linearly between rows. */
  cutSpeeds: CutSpeedRow[];
  /** Rapid traverse between contours and sorting the part off the skeleton, per part. */
  laserHandlingMinutesPerPart: number;
  /** Press brake: per bend (positioning, hit, turning the part), per distinct tool set, per order. */
  secondsPerBend: number;
  setupMinutesPerTooling: number;
  /** Bends on a blank longer than this need two operators (and twice the time). */
  twoPersonBendLengthMm: number;
  /** Deburring the cut edges (machine or by hand), per metre of cut, plus handling per part. */
  deburrMinutesPerMetre: number;
  deburrMinutesPerPart: number;
  /** K-factor (neutral-axis position ÷ thickness) by group, first row whose thickness reaches the part's. */
  kFactors: KFactorRow[];
  /** Tensile strength by group, MPa, for the press-brake force a bend needs. */
  tensileStrengthMpa: Record<SheetMaterialGroup, number>;
}

export interface SheetStock {
  group: SheetMaterialGroup;
  minThicknessMm: number;
  maxThicknessMm: number;
}

export interface CutSpeedRow {
  group: SheetMaterialGroup;
  thicknessMm: number;
  mmPerMinute: number;
  pierceSeconds: number;
}

export interface KFactorRow {
  group: SheetMaterialGroup;
  /** This row applies to thicknesses up to and including this one. */
  upToThicknessMm: number;
  kFactor: number;
}
