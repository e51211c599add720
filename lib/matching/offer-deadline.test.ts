import { describe, expect, it } from "vitest";
import { platformHolidayCalendar } from "../pricing/platform-holiday-calendar";
import { offerDeadline } from "./offer-deadline";

// Instants are written in UTC; the comments give Berlin's wall-clock time (CET = UTC+1, CEST = UTC+2).
const utc = (text: string) => new Date(`${text}Z`);

describe("when an offer expires, counting working time in Berlin only", () => {
  it.each([
    // Tuesday 10:00 CET → Wednesday 10:00 CET.
    ["on a weekday, a day later", "2026-11-03T09:00:00", 24, "2026-11-04T09:00:00"],
    // Friday 15:00 CET: 9 h on Friday, the weekend does not count, 15 h on Monday → Monday 15:00 CET.
    ["over a weekend", "2026-11-06T14:00:00", 24, "2026-11-09T14:00:00"],
    // Thursday 24 December 12:00 CET: 12 h that day; the 25th and 26th are holidays (and the 26th a
    // Saturday), the 27th a Sunday → Monday 28 December 12:00 CET.
    ["over Christmas", "2026-12-24T11:00:00", 24, "2026-12-28T11:00:00"],
    // Thursday 2 April 2026 10:00 CEST: 14 h that day; Good Friday, the weekend and Easter Monday do
    // not count → Tuesday 7 April 10:00 CEST.
    ["over Easter", "2026-04-02T08:00:00", 24, "2026-04-07T08:00:00"],
    // Friday 27 March 15:00 CET; clocks go forward on Sunday the 29th → Monday 15:00 CEST.
    ["over the start of summer time", "2026-03-27T14:00:00", 24, "2026-03-30T13:00:00"],
    // Friday 23 October 15:00 CEST; clocks go back on Sunday the 25th → Monday 15:00 CET.
    ["over the end of summer time", "2026-10-23T13:00:00", 24, "2026-10-26T14:00:00"],
    // Saturday 11:00 CET: nothing counts until Monday 00:00 CET, then a full 24 h → Tuesday 00:00 CET.
    ["from a Saturday", "2026-11-07T10:00:00", 24, "2026-11-09T23:00:00"],
    // Friday 22:00 CET: 2 h on Friday, 2 h on Monday → Monday 02:00 CET.
    ["late on a Friday", "2026-11-06T21:00:00", 4, "2026-11-09T01:00:00"],
    // Tuesday 10:00 CET + 2 × 24 h → Thursday 10:00 CET.
    ["for 48 working hours", "2026-11-03T09:00:00", 48, "2026-11-05T09:00:00"],
    // 1.1 h is 66 minutes: four quarter hours and 6 minutes → 11:06 CET.
    ["for part of a quarter hour", "2026-11-03T09:00:00", 1.1, "2026-11-03T10:06:00"],
    ["for no time at all", "2026-11-03T09:00:00", 0, "2026-11-03T09:00:00"],
  ])("%s", (_case, from, workingHours, expiresAt) => {
    expect(offerDeadline(utc(from), workingHours).toISOString()).toBe(utc(expiresAt).toISOString());
  });

  it("counts Berlin's day, not the server's: 23:30 UTC on a Friday is already Saturday in Berlin", () => {
    // Friday 23:30 UTC = Saturday 00:30 CET: nothing counts until Monday 00:00 CET (Sunday 23:00 UTC).
    expect(offerDeadline(utc("2026-11-06T23:30:00"), 1).toISOString()).toBe("2026-11-09T00:00:00.000Z");
  });
});

describe("an offer deadline with the platform's closure days", () => {
  it("skips a closure day the national calendar does not know", () => {
    // Wednesday 23 December 2026 10:00 CET + 24 h: the 24th is closed, the 25th and 26th are holidays,
    // the 27th a Sunday → Monday 28 December 10:00 CET.
    const closed = platformHolidayCalendar([{ date: "2026-12-24" }]);
    expect(offerDeadline(utc("2026-12-23T09:00:00"), 24, closed).toISOString()).toBe(
      utc("2026-12-28T09:00:00").toISOString(),
    );
    expect(offerDeadline(utc("2026-12-23T09:00:00"), 24).toISOString()).toBe(
      utc("2026-12-24T09:00:00").toISOString(),
    );
  });
});
