import { deadlineTimeZone } from "./format-deadline";

const zoneOffset = new Intl.DateTimeFormat("en-GB", {
  timeZone: deadlineTimeZone,
  timeZoneName: "longOffset",
});

/** Minutes Berlin is ahead of UTC at that moment: 60 in winter, 120 in summer. */
function berlinOffsetMinutes(moment: Date): number {
  const name = zoneOffset.formatToParts(moment).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * The last second of a calendar day ("2026-12-18") in the platform's time zone, as the moment a validity
 * or deadline that names only a day ends: "valid until 18 Dec" holds until 23:59:59 in Berlin, which is
 * what formatDeadline shows, not 23:59:59 UTC (an hour or two into the next Berlin day).
 */
export function endOfDeadlineDay(isoDay: string): Date {
  const utcEnd = new Date(`${isoDay}T23:59:59Z`);
  // The offset at the end of that Berlin day; a clock change happens at night, never near midnight.
  return new Date(utcEnd.getTime() - berlinOffsetMinutes(utcEnd) * 60_000);
}
