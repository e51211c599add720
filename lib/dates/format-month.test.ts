import { describe, expect, it } from "vitest";
import { formatDayAndMonth, formatWeekdayDay } from "./format-day";
import { formatShortMonth, formatShortMonthYear } from "./format-month";

describe("short months", () => {
  it("writes September in three letters like every other month", () => {
    expect(formatShortMonth("2026-09")).toBe("Sep");
    expect(formatShortMonthYear("2026-09")).toBe("Sep 2026");
    expect(formatDayAndMonth("2026-09-12")).toBe("12 Sep");
    expect(formatDayAndMonth(new Date("2026-09-12T00:00:00Z"))).toBe("12 Sep");
    expect(formatWeekdayDay("2026-09-12")).toBe("Sat, 12 Sep 2026");
  });

  it("keeps the other months as ICU writes them", () => {
    expect(formatShortMonth("2026-06")).toBe("Jun");
    expect(formatShortMonthYear("2027-01-15")).toBe("Jan 2027");
    expect(formatDayAndMonth("2026-12-24")).toBe("24 Dec");
  });
});
