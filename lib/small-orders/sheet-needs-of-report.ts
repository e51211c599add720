import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { ManufacturingProcess } from "../../quoting-engine/catalogue/catalogue";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { isSheetProcess } from "../../quoting-engine/pricing/sheet-metal/sheet-metal-reasons";
import { sheetLineNeeds } from "../matching/sheet-line-needs";
import type { SheetLineNeeds } from "../matching/sheet-machine-refusal";

/**
 * What a laser-cut or sheet-metal quote asks of a partner's machines, from the part's analysis and the
 * material's group in the pricing settings (as the matcher reads it for an order line,
 * lib/matching/with-sheet-machines.ts), so the price shown is only an instant price when a partner's
 * laser cuts the thickness (issue 23). Undefined for other processes and parts without a flat pattern.
 */
export function sheetNeedsOfReport(
  report: AnalysisReport,
  process: ManufacturingProcess,
  materialCode: string,
  data: PricingData,
): SheetLineNeeds | undefined {
  const sheet = report.sheetMetal;
  if (!isSheetProcess(process) || !sheet?.ok) return undefined;
  return sheetLineNeeds(sheet, { bent: process === "sheet_metal", materialCode }, data);
}
