import { deadlineTimeZone, inThreeLetterMonths } from "./format-deadline";

const calendarDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const dayAndMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

const weekdayAndDay = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const berlinDay = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: deadlineTimeZone,
});

/**
 * "12 Jan 2027": a calendar day as people read it, in pages, messages, e-mails and PDFs. Calendar days
 * (delivery dates, validity days, blocked days) are stored at UTC midnight, so the UTC day is the day.
 * Machine formats (CSV, DATEV, iCal, API JSON, SEPA) keep "2027-01-12".
 */
export function formatDay(date: Date): string {
  return inThreeLetterMonths(calendarDay.format(date));
}

/** "12 Jan 2027" for a calendar day the engine or the database gives as "YYYY-MM-DD". */
export function formatIsoDay(isoDay: string): string {
  return formatDay(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}

/**
 * "12 Jan 2027": the day a moment (a decision, an answer, a document issued) fell on in Berlin, the
 * platform's time zone (lib/dates/format-deadline.ts), for "answered on …" sentences.
 */
export function formatDayOfMoment(moment: Date): string {
  return inThreeLetterMonths(berlinDay.format(moment));
}

/** "12 Sep": a calendar day ("2026-09-12" or a UTC-midnight Date) without its year, for week grids. */
export function formatDayAndMonth(day: Date | string): string {
  return inThreeLetterMonths(dayAndMonth.format(typeof day === "string" ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : day));
}

/** "Sat, 12 Sep 2026": a calendar day with its weekday, for lists of blocked or booked days. */
export function formatWeekdayDay(isoDay: string): string {
  return inThreeLetterMonths(weekdayAndDay.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)));
}
