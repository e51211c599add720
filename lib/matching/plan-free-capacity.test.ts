import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import { planFreeCapacity, type CapacityInput } from "./plan-free-capacity";

// Tuesday 3 to Wednesday 25 November 2026 at 40 h a week (8 h a day): the first week keeps Tuesday to
// Friday (32 h), the two middle weeks are whole (40 h each), the last keeps Monday to Wednesday (24 h).
const window: CapacityInput = {
  machineHoursPerWeek: 40,
  reservedHoursByWeek: new Map(),
  blockedDays: new Set(),
  firstDay: "2026-11-03",
  lastDay: "2026-11-25",
  hoursNeeded: 10,
};
const plan = (input: Partial<CapacityInput>) => planFreeCapacity({ ...window, ...input });

describe("free capacity in a production window", () => {
  it("counts only the days of a cut first and last week", () => {
    expect(plan({ hoursNeeded: 136 })).toEqual({
      fits: true,
      freeHours: 136,
      capacityHours: 136,
      utilisation: 0,
      allocations: [
        { weekStart: "2026-11-02", hours: 32 },
        { weekStart: "2026-11-09", hours: 40 },
        { weekStart: "2026-11-16", hours: 40 },
        { weekStart: "2026-11-23", hours: 24 },
      ],
    });
  });

  it("fills the earliest weeks first, with exactly the hours needed", () => {
    expect(plan({ hoursNeeded: 50 }).allocations).toEqual([
      { weekStart: "2026-11-02", hours: 32 },
      { weekStart: "2026-11-09", hours: 18 },
    ]);
    expect(plan({ hoursNeeded: 0.1 }).allocations).toEqual([{ weekStart: "2026-11-02", hours: 0.1 }]);
  });

  it("takes blocked days out of the capacity, inside the window or not", () => {
    const blocked = plan({
      // Tuesday and Wednesday of the second week; Monday before the window; Friday after it.
      blockedDays: new Set(["2026-11-10", "2026-11-11", "2026-11-02", "2026-11-27"]),
      reservedHoursByWeek: new Map([["2026-11-23", 10]]),
      hoursNeeded: 70,
    });
    expect(blocked.freeHours).toBe(32 + 24 + 40 + 22);
    expect(blocked.capacityHours).toBe(32 + 24 + 40 + 24);
    // Held: 10 of the 32 + 24 + 40 + 32 hours of the four weeks.
    expect(blocked.utilisation).toBeCloseTo(10 / 128, 12);
    expect(blocked.allocations).toEqual([
      { weekStart: "2026-11-02", hours: 32 },
      { weekStart: "2026-11-09", hours: 24 },
      { weekStart: "2026-11-16", hours: 14 },
    ]);
  });

  it("leaves a week with every working day blocked without capacity", () => {
    const holidays = new Set(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]);
    const result = plan({ blockedDays: holidays, hoursNeeded: 80 });
    expect(result.freeHours).toBe(96);
    expect(result.allocations).toEqual([
      { weekStart: "2026-11-02", hours: 32 },
      { weekStart: "2026-11-09", hours: 40 },
      { weekStart: "2026-11-23", hours: 8 },
    ]);
  });

  it("subtracts what reservations hold from each week's free hours", () => {
    const result = plan({
      reservedHoursByWeek: new Map([
        ["2026-11-09", 30],
        ["2026-11-16", 40],
        ["2026-11-23", 20],
      ]),
      hoursNeeded: 40,
    });
    expect(result.freeHours).toBe(32 + 10 + 0 + 20);
    expect(result.capacityHours).toBe(136);
    expect(result.allocations).toEqual([
      { weekStart: "2026-11-02", hours: 32 },
      { weekStart: "2026-11-09", hours: 8 },
    ]);
  });

  it("books held hours of a cut week on its days outside the window first", () => {
    // Monday the 2nd (8 h) is before the window: 5 h held that week leave the window's 32 h free; 10 h leave 30.
    expect(plan({ reservedHoursByWeek: new Map([["2026-11-02", 5]]) }).freeHours).toBe(136);
    expect(plan({ reservedHoursByWeek: new Map([["2026-11-02", 10]]) }).freeHours).toBe(134);
  });

  it("ignores reservations outside the window's weeks and treats overbooked weeks as full", () => {
    const result = plan({
      reservedHoursByWeek: new Map([
        ["2026-10-26", 40],
        ["2026-11-30", 40],
        ["2026-11-09", 55],
      ]),
    });
    expect(result.freeHours).toBe(32 + 0 + 40 + 24);
    // The 55 h count as the week's 40: 40 of 160.
    expect(result.utilisation).toBe(0.25);
  });

  it("measures utilisation over the whole weeks the window touches", () => {
    const result = plan({
      reservedHoursByWeek: new Map([
        ["2026-11-02", 8],
        ["2026-11-16", 32],
      ]),
    });
    expect(result.utilisation).toBe(40 / 160);
  });

  it("does not fit a job larger than the free hours, and then allocates nothing", () => {
    const result = plan({ reservedHoursByWeek: new Map([["2026-11-09", 40]]), hoursNeeded: 96.5 });
    expect(result).toMatchObject({ fits: false, freeHours: 96, allocations: [] });
    expect(plan({ reservedHoursByWeek: new Map([["2026-11-09", 40]]), hoursNeeded: 96 }).fits).toBe(true);
  });

  it("fits nothing in a window that ends before it starts or without weekly hours", () => {
    expect(plan({ firstDay: "2026-11-03", lastDay: "2026-11-02" })).toEqual({
      fits: false,
      freeHours: 0,
      capacityHours: 0,
      utilisation: 1,
      allocations: [],
    });
    expect(plan({ machineHoursPerWeek: 0 })).toMatchObject({ fits: false, freeHours: 0 });
  });

  it("fits nothing in a window of a weekend only", () => {
    expect(plan({ firstDay: "2026-11-07", lastDay: "2026-11-08" })).toMatchObject({
      fits: false,
      freeHours: 0,
      capacityHours: 0,
      utilisation: 0,
    });
  });

  it.each([
    ["2026-11-02", "2026-11-02"],
    ["2026-11-04", "2026-11-02"],
    ["2026-11-08", "2026-11-02"],
    ["2027-01-01", "2026-12-28"],
  ])("the week of %s starts on Monday %s", (day, monday) => {
    expect(weekStartOf(day)).toBe(monday);
  });
});

describe("free capacity, over random partners and windows", () => {
  const base = "2026-11-02";
  const inputs = fc
    .record({
      machineHoursPerWeek: fc.double({ min: 0.5, max: 200, noNaN: true }),
      startOffset: fc.integer({ min: 0, max: 13 }),
      lengthDays: fc.integer({ min: 0, max: 70 }),
      reserved: fc.array(fc.double({ min: 0, max: 250, noNaN: true }), { minLength: 12, maxLength: 12 }),
      blockedOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 20 }),
      hoursNeeded: fc.double({ min: 0.1, max: 600, noNaN: true }),
    })
    .map(
      ({
        machineHoursPerWeek,
        startOffset,
        lengthDays,
        reserved,
        blockedOffsets,
        hoursNeeded,
      }): CapacityInput => ({
        machineHoursPerWeek,
        reservedHoursByWeek: new Map(reserved.map((hours, week) => [shift(base, 7 * week), hours])),
        blockedDays: new Set(blockedOffsets.map((offset) => shift(base, offset))),
        firstDay: shift(base, startOffset),
        lastDay: shift(base, startOffset + lengthDays),
        hoursNeeded,
      }),
    );

  /** A week's free hours, counted day by day: what its reservations leave, at most its days in the window. */
  function freeHoursOfWeek(input: CapacityInput, weekStart: string): number {
    const dailyHours = input.machineHoursPerWeek / 5;
    const days = [0, 1, 2, 3, 4].map((offset) => shift(weekStart, offset));
    const working = days.filter((day) => !input.blockedDays.has(day));
    const inWindow = working.filter((day) => day >= input.firstDay && day <= input.lastDay);
    const reserved = input.reservedHoursByWeek.get(weekStart) ?? 0;
    return Math.max(0, Math.min(dailyHours * working.length - reserved, dailyHours * inWindow.length));
  }

  it("never allocates more than a week's free hours, and allocates exactly the hours needed when it fits", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = planFreeCapacity(input);
        const weeks = result.allocations.map((allocation) => allocation.weekStart);
        expect(weeks).toEqual([...new Set(weeks)].sort());
        for (const allocation of result.allocations) {
          expect(weekStartOf(allocation.weekStart)).toBe(allocation.weekStart);
          expect(allocation.weekStart >= weekStartOf(input.firstDay)).toBe(true);
          expect(allocation.weekStart <= input.lastDay).toBe(true);
          expect(allocation.hours).toBeGreaterThan(0);
          expect(allocation.hours).toBeLessThanOrEqual(freeHoursOfWeek(input, allocation.weekStart) + 1e-9);
        }
        const allocated = result.allocations.reduce((sum, allocation) => sum + allocation.hours, 0);
        if (result.fits) expect(allocated).toBeCloseTo(input.hoursNeeded, 6);
        else {
          expect(result.allocations).toEqual([]);
          expect(result.freeHours).toBeLessThan(input.hoursNeeded);
        }
        expect(result.freeHours).toBeLessThanOrEqual(result.capacityHours + 1e-9);
        expect(result.utilisation).toBeGreaterThanOrEqual(0);
        expect(result.utilisation).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("fills a later week only when every earlier week is used up", () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = planFreeCapacity(input);
        const last = result.allocations.at(-1);
        if (!last) return;
        const allocated = new Map(
          result.allocations.map((allocation) => [allocation.weekStart, allocation.hours]),
        );
        for (let week = weekStartOf(input.firstDay); week < last.weekStart; week = shift(week, 7))
          expect(allocated.get(week) ?? 0).toBeCloseTo(freeHoursOfWeek(input, week), 9);
      }),
      { numRuns: 300 },
    );
  });
});
