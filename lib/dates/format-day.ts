import { deadlineTimeZone, inThreeLetterMonths } from "./format-deadline";

const calendarDay = new Intl.DateTimeFormat("en-GB", {
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
