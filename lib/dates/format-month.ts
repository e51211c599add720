import { inThreeLetterMonths } from "./format-deadline";

const shortMonth = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const shortMonthAndYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

const firstDayOf = (isoMonth: string) => new Date(`${isoMonth.slice(0, 7)}-01T00:00:00Z`);

/** "Sep": a month ("2026-09") in three letters, for chart axes and month columns. */
export function formatShortMonth(isoMonth: string): string {
  return inThreeLetterMonths(shortMonth.format(firstDayOf(isoMonth)));
}

/** "Sep 2026": a month ("2026-09") with its year, for tables that span years. */
export function formatShortMonthYear(isoMonth: string): string {
  return inThreeLetterMonths(shortMonthAndYear.format(firstDayOf(isoMonth)));
}
