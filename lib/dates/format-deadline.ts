/**
 * The platform's one time zone for deadlines and due times: Germany's, where operations work and the
 * working-day calendar is kept. Every deadline a user reads (offers, complaint answers, payment due,
 * quotes' validity, e-mails) goes through here, so it always names its zone: "18 Dec 2026, 17:00 CET"
 * (CEST in summer). Partners in Italy, Poland and the Netherlands share the zone; a reader elsewhere
 * sees which one is meant instead of guessing.
 */
export const deadlineTimeZone = "Europe/Berlin";

/**
 * A date formatter's text with every month in three letters: ICU's British English writes September
 * "Sept" (CLDR 38 on), where pages read "12 Jan 2027". Versions before wrote "Sep"; this makes them agree.
 */
export function inThreeLetterMonths(formatted: string): string {
  return formatted.replace(/\bSept\b/, "Sep");
}

const moment = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: deadlineTimeZone,
  timeZoneName: "short",
});

const day = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: deadlineTimeZone,
});

/** "18 Dec 2026, 17:00 CET": a deadline to the minute, in Berlin time with the zone named. */
export function formatDeadline(date: Date): string {
  // ICU names the zone "GMT+1" where it has no abbreviation for the locale; Berlin's are CET and CEST.
  return inThreeLetterMonths(moment.format(date)).replace("GMT+1", "CET").replace("GMT+2", "CEST");
}

/**
 * "18 Dec 2026 (Berlin time)": a due day (an invoice's, a quote's validity), the calendar day in Berlin,
 * the zone named because the day ends at midnight there.
 */
export function formatDeadlineDay(date: Date): string {
  return `${formatBerlinDay(date)} (Berlin time)`;
}

/** "18 Dec 2026": the calendar day in Berlin, for a table whose column header names the zone. */
export function formatBerlinDay(date: Date): string {
  return inThreeLetterMonths(day.format(date));
}
