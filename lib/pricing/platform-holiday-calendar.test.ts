import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  germanNationalHolidays,
  isWorkingDay,
} from "../../quoting-engine/pricing/working-days";
import { platformHolidayCalendar } from "./platform-holiday-calendar";

describe("the platform's holiday calendar", () => {
  const calendar = platformHolidayCalendar([
    { date: "2026-12-24" },
    { date: "2026-12-31" },
    { date: "2027-01-04" },
  ]);

  it("is the national calendar itself without closure days", () => {
    expect(platformHolidayCalendar([])).toBe(germanNationalHolidays);
  });

  it("adds each closure day to its own year only", () => {
    expect(calendar(2026)).toEqual([...germanNationalHolidays(2026), "2026-12-24", "2026-12-31"]);
    expect(calendar(2027)).toEqual([...germanNationalHolidays(2027), "2027-01-04"]);
  });

  it("makes a closure day a day off for working-day arithmetic", () => {
    expect(isWorkingDay("2026-12-24")).toBe(true);
    expect(isWorkingDay("2026-12-24", calendar)).toBe(false);
    // Wednesday 23 December + 1 working day: the 24th is closed, 25th and 26th holidays → Monday the 28th.
    expect(addWorkingDays("2026-12-23", 1, calendar)).toBe("2026-12-28");
    expect(addWorkingDays("2026-12-23", 1)).toBe("2026-12-24");
  });
});
