import {
  addWorkingDays,
  isWeekend,
  isIsoDate,
  isWorkingDay,
  shift,
  type HolidayCalendar,
  type IsoDate,
} from "../../quoting-engine/pricing/working-days";
import { formatIsoDay } from "../dates/format-day";
import { horizonInWords } from "./instant-quote-limits";

/**
 * Why a delivery date the buyer chose cannot be priced, or null: a Saturday, Sunday, public holiday or
 * closure day (the part page's calendar offers working days only; the API took any day and priced a
 * Saturday), or a day past the horizon, which no partner plans for and whose price would have moved
 * (the API priced 1 Jan 2099). Each refusal names the day as people read it and one to choose instead.
 */
export function deliveryDateRefusal(
  deliveryDate: string,
  today: IsoDate,
  holidays: HolidayCalendar,
  horizonDays: number,
): string | null {
  if (!isIsoDate(deliveryDate)) return null; // the engine names a malformed date itself
  const horizon = shift(today, horizonDays);
  if (deliveryDate > horizon)
    return `${formatIsoDay(deliveryDate)} is more than ${horizonInWords(horizonDays)} out: we price deliveries up to ${formatIsoDay(horizon)}, as no partner plans further ahead. Choose an earlier date.`;
  if (isWorkingDay(deliveryDate, holidays)) return null;
  const why = isWeekend(deliveryDate)
    ? `a ${new Date(`${deliveryDate}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" })}`
    : "a public holiday or a closure day";
  return `${formatIsoDay(deliveryDate)} is ${why}: deliveries arrive on working days. Choose a working day, such as ${formatIsoDay(addWorkingDays(deliveryDate, 1, holidays))}.`;
}
