import type { AnalysisReport } from "../analysis/analyze-file";
import type { MaterialData, PricingData, ProcessData, ToleranceData } from "./pricing-data";

/** One line of a breakdown: what it is, the time it takes per part, and its cost per part. */
export interface CostLine {
  kind: "material" | "machine" | "setup" | "labour" | "finishing" | "inspection";
  label: string;
  minutesPerPart?: number;
  /** Unrounded euro cents per part at the quoted quantity (per-order costs divided by it). */
  centsPerPart: number;
}

/** The supplier's cost of one part at a quantity, line by line. */
export interface CostEstimate {
  lines: CostLine[];
  /** Machine hours the whole order occupies (lead time grows with it). */
  orderMachineHours: number;
}

export interface CostInput {
  report: AnalysisReport;
  material: MaterialData;
  process: ProcessData;
  data: PricingData;
  tolerance: ToleranceData;
  quantity: number;
}

export const centsForMinutes = (minutes: number, centsPerHour: number): number =>
  (minutes / 60) * centsPerHour;

export const centsForMaterial = (volumeCm3: number, material: MaterialData): number =>
  (volumeCm3 * material.densityGPerCm3 * material.priceCentsPerKg) / 1000;

export function sizeOf(report: AnalysisReport): [number, number, number] {
  return [0, 1, 2].map((axis) => report.bbox.max[axis]! - report.bbox.min[axis]!) as [number, number, number];
}
