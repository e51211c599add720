import { describe, expect, it, vi } from "vitest";
import {
  addWorkingDays,
  easterSunday,
  germanNationalHolidays,
  isIsoDate,
  type HolidayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from "./working-days";

describe("working days", () => {
  it("computes Easter Sunday", () => {
    expect([2024, 2025, 2026, 2027, 2038].map(easterSunday)).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2038-04-25",
    ]);
  });

  it("lists Germany's nine national holidays of 2026", () => {
    expect(germanNationalHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-03", // Karfreitag
      "2026-04-06", // Ostermontag
      "2026-05-01",
      "2026-05-14", // Christi Himmelfahrt
      "2026-05-25", // Pfingstmontag
      "2026-10-03",
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("skips weekends and holidays", () => {
    expect(isWorkingDay("2026-11-23")).toBe(true); // Monday
    expect(isWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-25")).toBe(false); // Friday, Christmas
    // From Monday 21 December: 22, 23, 24, (25, 26, 27 off), 28, 29, 30, 31, (1 Jan, 2, 3 off), 4 January.
    expect(addWorkingDays("2026-12-21", 8)).toBe("2027-01-04");
    expect(workingDaysBetween("2026-12-21", "2027-01-04")).toBe(8);
    expect(addWorkingDays("2026-11-20", 10)).toBe("2026-12-04");
  });

  it("takes another calendar", () => {
    const none = () => [];
    expect(addWorkingDays("2026-12-21", 8, none)).toBe("2026-12-31");
  });

  it("accepts only real dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("28.02.2026")).toBe(false);
  });

  it("walks the days of a repeated question once, remembering the answer per calendar (issue 22)", () => {
    // A calendar of its own, so that no earlier test has asked this question.
    const closedOn20th: HolidayCalendar = (year) => [...germanNationalHolidays(year), `${year}-07-20`];
    const parse = vi.spyOn(Date, "parse");
    try {
      expect(addWorkingDays("2026-07-13", 7, closedOn20th)).toBe("2026-07-23");
      const walked = parse.mock.calls.length;
      expect(walked).toBeGreaterThan(0);
      expect(addWorkingDays("2026-07-13", 7.4, closedOn20th)).toBe("2026-07-24");
      const walkedAgain = parse.mock.calls.length;
      expect(addWorkingDays("2026-07-13", 7, closedOn20th)).toBe("2026-07-23");
      expect(parse.mock.calls.length).toBe(walkedAgain);
      // Another calendar with the same question has its own answer.
      expect(addWorkingDays("2026-07-13", 7)).toBe("2026-07-22");
    } finally {
      parse.mockRestore();
    }
  });
});
