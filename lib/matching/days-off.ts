import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { publicHolidaysOf } from "./public-holidays";

/** A weekday a supplier does not produce on, and why. */
export interface DayOff {
  day: IsoDate;
  name: string;
  kind: "holiday" | "closure";
}

const isWeekday = (day: IsoDate) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The weekdays from `firstDay` to `lastDay` (both included) that are no capacity for a supplier: the public
 * holidays of its own country and region, and the platform's closure days (settings), which close the
 * platform for everyone. Sorted by day; a day that is both counts once, as the holiday.
 */
export function daysOffBetween(
  supplier: { countryCode: string; region: string | null },
  closureDays: readonly { date: IsoDate; name: string }[],
  firstDay: IsoDate,
  lastDay: IsoDate,
): DayOff[] {
  if (lastDay < firstDay) return [];
  const byDay = new Map<IsoDate, DayOff>();
  for (let year = Number(firstDay.slice(0, 4)); year <= Number(lastDay.slice(0, 4)); year++)
    for (const holiday of publicHolidaysOf(supplier.countryCode, supplier.region, year))
      if (
        holiday.day >= firstDay &&
        holiday.day <= lastDay &&
        isWeekday(holiday.day) &&
        !byDay.has(holiday.day)
      )
        byDay.set(holiday.day, { day: holiday.day, name: holiday.name, kind: "holiday" });
  for (const closure of closureDays)
    if (
      closure.date >= firstDay &&
      closure.date <= lastDay &&
      isWeekday(closure.date) &&
      !byDay.has(closure.date)
    )
      byDay.set(closure.date, { day: closure.date, name: closure.name, kind: "closure" });
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
