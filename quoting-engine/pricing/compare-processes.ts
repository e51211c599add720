import type { AnalysisReport } from "../analysis/analyze-file";
import { manufacturingProcesses, type ManufacturingProcess } from "../analysis/dfm-rules";
import type { PricingData } from "./pricing-data";
import { quotePart, type ManualQuote, type PricedQuote, type QuoteOptions } from "./quote-part";

export interface ProcessComparison {
  /** Every process that can make the part, cheapest first (buyer's total at the standard date). */
  priced: PricedQuote[];
  /** The processes that cannot price it automatically, with their reasons. */
  manual: ManualQuote[];
}

/**
 * Prices the part in every process, each in its first listed material (the platform's default for it,
 * e.g. aluminium 6061 for machining, PA12 for powder beds) unless `materials` names one.
 */
export function compareProcesses(
  report: AnalysisReport,
  options: Omit<QuoteOptions, "process" | "materialCode" | "finishCode">,
  data: PricingData,
  materials: Partial<Record<ManufacturingProcess, string>> = {},
): ProcessComparison {
  const priced: PricedQuote[] = [];
  const manual: ManualQuote[] = [];
  for (const process of manufacturingProcesses) {
    const materialCode =
      materials[process] ?? data.materials.find((material) => material.processes.includes(process))?.code;
    if (!materialCode) continue;
    const result = quotePart(report, { ...options, deliveryDate: undefined, process, materialCode }, data);
    if (!result.ok) continue;
    if (result.needsManualQuote) manual.push(result);
    else priced.push(result);
  }
  priced.sort((a, b) => a.buyer.totalPriceCents - b.buyer.totalPriceCents);
  return { priced, manual };
}
