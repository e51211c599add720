import { getEnv } from "@/lib/env";
import { type ExportPeriod, parseExportPeriod } from "./dates/export-period";
import { datevFiscalYearStart } from "./datev/datev-fiscal-year";

/** The exports operations download for a period from /ops/exports. */
export const periodExports = ["datev", "orders"] as const;
export type PeriodExport = (typeof periodExports)[number];

/**
 * The period an export form asks for, checked as the file's route checks it (parseExportPeriod, and for
 * DATEV one fiscal year per batch), so the exports page can show a refusal next to the days typed instead
 * of sending the form on to the route's JSON error. Throws the route's AppError.
 */
export function checkExportPeriod(kind: PeriodExport, searchParams: URLSearchParams): ExportPeriod {
  const period = parseExportPeriod(searchParams);
  if (kind === "datev") datevFiscalYearStart(period, getEnv().DATEV_FISCAL_YEAR_START_MONTH);
  return period;
}
