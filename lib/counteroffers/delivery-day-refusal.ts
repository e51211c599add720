import { shift, type IsoDate } from "../../quoting-engine/pricing/working-days";
import { formatIsoDay } from "../dates/format-day";
import { countryName } from "../documents/country-name";
import { daysOffBetween } from "../matching/days-off";

const weekdayName = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" });
const isWeekend = (day: IsoDate) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * Why a partner cannot propose `day` as its delivery date, or null: a Saturday or Sunday, a public holiday
 * of its own country and region, or one of the platform's closure days, as the matcher and the capacity
 * view count them (daysOffBetween). The sentence names the day and the next working day after it. Pure.
 */
export function deliveryDayRefusal(
  day: IsoDate,
  supplier: { countryCode: string; region: string | null },
  closureDays: readonly { date: IsoDate; name: string }[],
): string | null {
  // Five weeks hold any run of holidays and weekends (the longest, Christmas to New Year, is 12 days).
  const daysOff = daysOffBetween(supplier, closureDays, day, shift(day, 35));
  const offOn = (candidate: IsoDate) => daysOff.find((entry) => entry.day === candidate);
  const off = offOn(day);
  if (!off && !isWeekend(day)) return null;
  let next = shift(day, 1);
  while (isWeekend(next) || offOn(next)) next = shift(next, 1);
  const why = !off
    ? `a ${weekdayName.format(new Date(`${day}T00:00:00Z`))}`
    : off.kind === "holiday"
      ? `${off.name}, a public holiday in ${countryName(supplier.countryCode)}${supplier.region ? ` (${supplier.region})` : ""}`
      : `${off.name}, a day the platform is closed`;
  return `${formatIsoDay(day)} is ${why}: deliveries are not made then. Propose a working day, such as ${formatIsoDay(next)}.`;
}
