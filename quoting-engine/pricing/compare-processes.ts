import type { AnalysisReport } from "../analysis/analyze-file";
import { manufacturingProcesses, type ManufacturingProcess } from "../catalogue/catalogue";
import type { PricingData } from "./pricing-data";
import { isSheetProcess } from "./sheet-metal/sheet-metal-reasons";
import { recommendProcess, type ProcessRecommendation } from "./recommend-process";
import { quotePart, type ManualQuote, type PricedQuote, type QuoteOptions } from "./quote-part";

export interface ProcessComparison {
  /** Every process that can make the part, cheapest first (buyer's total at the standard date). */
  priced: PricedQuote[];
  /** The processes that cannot price it automatically, with their reasons. */
  manual: ManualQuote[];
  /** The process the part is designed for, with the cheaper ones and what they change (null: none priced). */
  recommended: ProcessRecommendation | null;
}

/**
 * Prices the part in every process, each in its cheapest material for this part (or the one `materials`
 * names), so the comparison does not depend on the order materials are stored in. A process none of
 * whose materials can be priced automatically is listed with the reasons of its first.
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
    const named = materials[process];
    const codes = named
      ? [named]
      : data.materials
          .filter((material) => material.processes.includes(process))
          .map((material) => material.code);
    let cheapest: PricedQuote | undefined;
    let firstManual: ManualQuote | undefined;
    for (const materialCode of codes) {
      const result = quotePart(report, { ...options, deliveryDate: undefined, process, materialCode }, data);
      if (!result.ok) continue;
      if (result.needsManualQuote) firstManual ??= result;
      else if (!cheapest || result.buyer.totalPriceCents < cheapest.buyer.totalPriceCents) cheapest = result;
    }
    if (cheapest) priced.push(cheapest);
    // Sheet processes are listed only where they apply: a block is no laser part, and saying so for
    // every part would bury the comparison (issue 23); a DXF drawing lists laser cutting alone.
    else if (
      firstManual &&
      !((isSheetProcess(process) || report.file.format === "dxf") && firstManual.cannotMake.length > 0)
    )
      manual.push(firstManual);
  }
  priced.sort((a, b) => a.buyer.totalPriceCents - b.buyer.totalPriceCents);
  return { priced, manual, recommended: recommendProcess(report, priced) };
}
