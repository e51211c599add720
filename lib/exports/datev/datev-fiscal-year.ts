import { AppError } from "@/lib/errors/app-error";
import type { ExportPeriod } from "../dates/export-period";
import { formatIsoDay } from "@/lib/dates/format-day";

/**
 * The first day of the fiscal year a DATEV batch's period lies in (a fiscal year that starts in
 * `startMonth`). DATEV wants one fiscal year per batch: a period that reaches into the next one is refused
 * with the last day it may end on.
 */
export function datevFiscalYearStart(period: ExportPeriod, startMonth: number): string {
  const fiscalYearStart = fiscalYearStartOf(period.from, startMonth);
  if (period.to >= nextYear(fiscalYearStart))
    throw new AppError(
      "validation_failed",
      `A DATEV batch holds one fiscal year: end the period by ${formatIsoDay(previousDay(nextYear(fiscalYearStart)))}, and export the rest separately.`,
    );
  return fiscalYearStart;
}

/** The first day of the fiscal year a day falls in, for a fiscal year that starts in `startMonth`. */
function fiscalYearStartOf(day: string, startMonth: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, "0")}-01`;
}

function nextYear(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
