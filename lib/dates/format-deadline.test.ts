import { describe, expect, it } from "vitest";
import { formatDeadline, formatDeadlineDay } from "./format-deadline";

describe("formatDeadline", () => {
  it("shows a winter deadline in Berlin time named CET", () => {
    expect(formatDeadline(new Date("2026-12-18T16:00:00Z"))).toBe("18 Dec 2026, 17:00 CET");
  });
  it("writes September as 'Sep', as the other months' three letters (walk 7: ICU wrote 'Sept')", () => {
    expect(formatDeadline(new Date("2027-09-30T15:00:00Z"))).toBe("30 Sep 2027, 17:00 CEST");
    expect(formatDeadlineDay(new Date("2027-09-30T15:00:00Z"))).toBe("30 Sep 2027 (Berlin time)");
  });
  it("shows a summer deadline named CEST", () => {
    expect(formatDeadline(new Date("2026-07-01T06:30:00Z"))).toBe("1 Jul 2026, 08:30 CEST");
  });
  it("takes the Berlin calendar day for a due day, the zone named", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
    expect(formatDeadlineDay(new Date("2026-12-31T23:30:00Z"))).toBe("1 Jan 2027 (Berlin time)");
  });
});
