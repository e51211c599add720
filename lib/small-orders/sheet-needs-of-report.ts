import type { AnalysisReport } from "../../quoting-engine/analysis/analyze-file";
import type { ManufacturingProcess } from "../../quoting-engine/catalogue/catalogue";
import type { PricingData } from "../../quoting-engine/pricing/pricing-data";
import { isSheetProcess } from "../../quoting-engine/pricing/sheet-metal/sheet-metal-reasons";
import { sheetLineNeedsOfParts } from "../matching/sheet-line-needs";
import { sheetPartsOf } from "../../quoting-engine/pricing/sheet-metal/sheet-metal-of";
import type { SheetMetalOk } from "../../quoting-engine/analysis/sheet-metal/sheet-metal-types";
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
  if (!isSheetProcess(process)) return undefined;
  // A file of several sheet parts: each part's own blank (decision 0110).
  const sheets = sheetPartsOf(report);
  if (!sheets.every((sheet) => sheet.ok)) return undefined;
  return sheetLineNeedsOfParts(
    sheets as SheetMetalOk[],
    { bent: process === "sheet_metal", materialCode },
    data,
  );
}
