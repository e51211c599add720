import { formatDeadline } from "@/lib/dates/format-deadline";

/** "12 Dec 2026" for dates the portal shows (delivery dates are calendar days, kept in UTC). */
export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * "12 Dec 2026, 14:30 CET": deadlines and moments, in the platform's one time zone with its name
 * (lib/dates/format-deadline.ts, issue 21).
 */
export function formatMoment(date: Date): string {
  return formatDeadline(date);
}

/** "12 Jan 2027" for a calendar day the engine or the database gives as "YYYY-MM-DD". */
export function formatIsoDay(isoDay: string): string {
  return formatDay(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`));
}
