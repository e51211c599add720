const berlinMoment = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Berlin",
});

/**
 * "Tue 15 Dec 2026, 15:00 Berlin time": a counteroffer's deadline, named in its time zone for e-mails and
 * pages. (issue 21 adds one deadline formatter for the platform, lib/dates/format-deadline.ts; this one
 * gives way to it at merge.)
 */
export function formatDecisionDeadline(date: Date): string {
  return `${berlinMoment.format(date)} Berlin time`;
}
