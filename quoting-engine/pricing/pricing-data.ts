import type { FdmMachineSettings } from "../printing/estimate-fdm-print";
import type { FinishCode, ManufacturingProcess, PricedTolerance } from "../catalogue/catalogue";
import type { SheetMetalPricing } from "./sheet-metal/sheet-metal-pricing-data";

/** Everything a price depends on besides the part: plain data, loaded from the database by the app. */
export interface PricingData {
  currency: "EUR";
  materials: MaterialData[];
  processes: Record<ManufacturingProcess, ProcessData>;
  finishes: FinishData[];
  /** ISO 2768 classes the engine prices automatically; anything tighter is a manual quote. */
  tolerances: Record<PricedTolerance, ToleranceData>;
  /** Platform margin on the supplier's price, by process and quantity (first matching rule wins). */
  margins: MarginRule[];
  /** Delivery tiers relative to the standard lead time. */
  deliveryTiers: DeliveryTier[];
  /** Days a quote stays valid. */
  validityDays: number;
  /** Hand work (support removal, depowdering, deburring, inspection), full cost per hour. */
  labourRateCentsPerHour: number;
  /** Sheet formats, laser speeds, press-brake times and K-factors (sheet_metal and laser_cutting). */
  sheetMetal: SheetMetalPricing;
}

export interface MaterialData {
  code: string;
  name: string;
  family: "metal" | "plastic";
  processes: ManufacturingProcess[];
  densityGPerCm3: number;
  priceCentsPerKg: number;
  /** Relative to free-cutting aluminium = 1.0 (machining only): scales removal and finishing rates. */
  machinabilityIndex?: number;
  /** Deposition, curing or melting rate (additive only). */
  buildRateCm3PerHour?: number;
}

export interface ProcessData {
  hourlyRateCents: number;
  /** Largest machine's work envelope or build volume, mm; for turning: swing diameter twice, then length. */
  envelopeMm: [number, number, number];
  /** Per setup (machining) or per build job (additive): fixturing, zeroing, plate and machine preparation. */
  setupMinutes: number;
  /** Working days of the standard lead time before production hours are added (at least 10 in all). */
  baseLeadDays: number;
  /** Machine hours a supplier runs per working day, to turn long jobs into more lead time. */
  machineHoursPerDay: number;
  parameters: ProcessParameters;
}

/**
 * Process-specific rates; each default carries its source or reason in default-pricing-data.ts. FDM
 * also carries its machine class's slicer settings and calibrated constants (quoting-engine/printing).
 */
export interface ProcessParameters extends Partial<FdmMachineSettings> {
  // Machining
  /** Roughing removal rate for machinability 1.0, cm³/min. */
  roughingCm3PerMinute?: number;
  /** Finishing rate over machined area for machinability 1.0, cm²/min. */
  finishingCm2PerMinute?: number;
  /** Drilling feed for machinability 1.0, mm/min, plus a positioning and tool-change time per hole. */
  drillingMmPerMinute?: number;
  minutesPerHole?: number;
  /** Loading and unloading one part per setup. */
  loadMinutesPerSetup?: number;
  /** CAM programming per order (not per setup). */
  programmingMinutes?: number;
  /** Stock allowance per side, mm. */
  stockAllowanceMm?: number;
  /** Extra per live-tooling face (turning): C-axis index, tool change and approach. */
  minutesPerLiveToolingFace?: number;
  /** Area a live tool mills per minute on a lathe for machinability 1.0, cm²/min (turning). */
  liveToolingCm2PerMinute?: number;
  /**
   * Turning's finishing pass, whose area rate is cutting speed × feed (m/min × mm/rev), for
   * machinability 1.0; when both are set they replace `finishingCm2PerMinute`.
   */
  finishingCuttingSpeedMPerMinute?: number;
  finishingFeedMmPerRevolution?: number;
  /**
   * Turning from a bar feeder with a sub-spindle (decision 0117): both ends in one cycle, no loading by
   * hand; priced when it is cheaper than chucking each blank twice. Largest bar the feeder takes (mm),
   * the extra setup per order (feeder channel, guide, sub-spindle) and the bar push, part-off and
   * hand-over per part (min).
   */
  barFeedMaxDiameterMm?: number;
  barFeedSetupMinutes?: number;
  barFeedMinutesPerPart?: number;
  /** Wright learning-curve rate on per-part machine time (0.9: each doubling of quantity saves 10 %). */
  learningRate?: number;
  /**
   * Inspection per measured part (every part of a small lot, ISO 2859-1's sample of a larger one:
   * pricing/inspected-share.ts) and first-article inspection per order.
   */
  inspectionMinutesPerPart?: number;
  firstArticleMinutes?: number;
  // Additive
  layerHeightMm?: number;
  /** Per-layer machine time independent of the part (recoating, peeling). */
  secondsPerLayer?: number;
  /** Usable build volume, mm (x, y, z). */
  buildVolumeMm?: [number, number, number];
  /**
   * How full a build gets: for plate-based processes (FDM, SLA, metal PBF) the share of the plate's area
   * that parts' footprints cover; for powder beds (SLS, MJF) the share of the chamber's volume that
   * parts' bounding boxes fill.
   */
  packingDensity?: number;
  /** Shell and infill (FDM). */
  shellThicknessMm?: number;
  infillShare?: number;
  /** Support volume per mm² of overhang, mm³ (FDM, SLA, metal PBF). */
  supportMm3PerMm2?: number;
  /** Minutes of hand work per cm² of supported area. */
  supportRemovalMinutesPerCm2?: number;
  /** Post-processing per part (washing and curing, depowdering, bead blasting). */
  postMinutesPerPart?: number;
  /**
   * Per build: stress-relief heat treatment and cutting parts off the plate (metal PBF), at the labour
   * rate. With `buildSetupMinutes` set, each part pays its share of the plate (the build is shared with
   * other orders); without, the order pays the whole build.
   */
  postMinutesPerBuild?: number;
  /**
   * Per build, at the machine rate: plate, powder, inerting and warm-up (metal PBF). Each part pays its
   * share of the plate, as the layers are shared: parts of many orders are nested in one build.
   */
  buildSetupMinutes?: number;
  /** Share of bought material lost (powder refresh, resin in supports, failed prints). */
  materialWasteShare?: number;
}

/** A finish's price and where it applies; its name is the catalogue's (quoting-engine/catalogue). */
export interface FinishData {
  code: FinishCode;
  processes: ManufacturingProcess[];
  /** Only for these material families (anodising: aluminium only is expressed by materialCodes). */
  materialCodes?: string[];
  centsPerCm2: number;
  /** Per order (a batch through the finisher), spread over the quantity. */
  centsPerOrder: number;
  extraLeadDays: number;
}

/** A tolerance class's effect on time; its name is the catalogue's. */
export interface ToleranceData {
  /** Multiplies machining time (finishing passes, measuring); additive processes use `additiveFactor`. */
  machiningFactor: number;
  additiveFactor: number;
}

export interface MarginRule {
  process?: ManufacturingProcess;
  minQuantity: number;
  marginPercent: number;
}

export interface DeliveryTier {
  code: "express" | "priority" | "standard" | "economy" | "relaxed";
  label: string;
  /** Share of the standard lead time (express 0.5 = half as many working days). */
  leadShare: number;
  priceFactor: number;
}
