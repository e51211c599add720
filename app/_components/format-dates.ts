import { formatDeadline } from "@/lib/dates/format-deadline";

/**
 * "12 Dec 2026" for dates the portal shows (delivery dates are calendar days, kept in UTC), and for a
 * "YYYY-MM-DD" day: the one implementation in lib/dates/format-day.ts, which messages and PDFs use too.
 */
export { formatDay, formatIsoDay } from "@/lib/dates/format-day";

/**
 * "12 Dec 2026, 14:30 CET": deadlines and moments, in the platform's one time zone with its name
 * (lib/dates/format-deadline.ts, issue 21).
 */
export function formatMoment(date: Date): string {
  return formatDeadline(date);
}
