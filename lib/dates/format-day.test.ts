import { describe, expect, it } from "vitest";
import { formatDay, formatDayOfMoment, formatIsoDay } from "./format-day";

describe("days as people read them", () => {
  it("writes a calendar day as '12 Jan 2027', from a stored date or an ISO day", () => {
    expect(formatDay(new Date("2027-01-12T00:00:00Z"))).toBe("12 Jan 2027");
    expect(formatIsoDay("2027-06-07")).toBe("7 Jun 2027");
    // A timestamp's date part is the day: "2027-06-07T…" as the audit log stores some.
    expect(formatIsoDay("2027-06-07T00:00:00.000Z")).toBe("7 Jun 2027");
  });

  it("gives a moment the day it fell on in Berlin, not in UTC", () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Berlin (CET, UTC+1) …
    const newYear = new Date("2026-12-31T23:30:00Z");
    expect(formatDayOfMoment(newYear)).toBe("1 Jan 2027");
    expect(formatDay(newYear)).toBe("31 Dec 2026");
    // … and 22:30 UTC in July is 00:30 the next day in summer time (CEST, UTC+2).
    expect(formatDayOfMoment(new Date("2027-07-14T22:30:00Z"))).toBe("15 Jul 2027");
  });

  it("writes September as 'Sep' like every other month's three letters, not ICU's British 'Sept'", () => {
    // Found on walk 7: "ISO 9001 · 30 Sept 2027" on the partner list, beside "31 May 2027".
    expect(formatDay(new Date("2027-09-30T00:00:00Z"))).toBe("30 Sep 2027");
    expect(formatIsoDay("2027-09-01")).toBe("1 Sep 2027");
    expect(formatDayOfMoment(new Date("2027-09-14T10:00:00Z"))).toBe("14 Sep 2027");
  });
});
