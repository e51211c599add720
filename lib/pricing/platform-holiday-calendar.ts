import {
  germanNationalHolidays,
  type HolidayCalendar,
  type IsoDate,
} from "../../quoting-engine/pricing/working-days";

/**
 * The platform's calendar: Germany's national holidays plus the days operations closed the platform
 * (the settings' holiday calendar). Without closure days it is the engine's national calendar itself,
 * whose per-year holiday sets the engine has cached already.
 */
export function platformHolidayCalendar(closureDays: readonly { date: IsoDate }[]): HolidayCalendar {
  if (closureDays.length === 0) return germanNationalHolidays;
  const dates = closureDays.map((day) => day.date);
  return (year) => [...germanNationalHolidays(year), ...dates.filter((date) => date.startsWith(`${year}-`))];
}
