import { deadlineTimeZone } from "@/lib/dates/format-deadline";

const berlinDay = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: deadlineTimeZone,
});

/**
 * The calendar day a moment falls on in Berlin, as "YYYY-MM-DD": the platform's books are German, so an
 * invoice issued at 00:30 on 1 March Berlin time belongs to March, not to February's last UTC hour.
 */
export function berlinDate(moment: Date): string {
  return berlinDay.format(moment);
}
