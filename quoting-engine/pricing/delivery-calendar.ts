import type { DeliveryOption } from "./quote-part";
import { addWorkingDays, germanNationalHolidays, type HolidayCalendar, type IsoDate } from "./working-days";

export interface CalendarDay {
  date: IsoDate;
  /** The tier that applies: the cheapest one whose lead time fits before this date. */
  tier: DeliveryOption["tier"];
  buyerUnitPriceCents: number;
  buyerTotalPriceCents: number;
}

/**
 * Every working day from the earliest delivery date to `extraWorkingDays` past the slowest tier, each
 * with the price the buyer pays for delivery on that day: the cheapest tier that still arrives by it.
 * The same rule `quotePart` applies to a wanted date, so a day's price here is the price it quotes.
 */
export function deliveryCalendar(
  options: readonly DeliveryOption[],
  today: IsoDate,
  extraWorkingDays = 5,
  holidays: HolidayCalendar = germanNationalHolidays,
): CalendarDay[] {
  if (options.length === 0) return [];
  const fastest = options.reduce((best, option) => (option.workingDays < best.workingDays ? option : best));
  const slowest = options.reduce((best, option) => (option.workingDays > best.workingDays ? option : best));
  const days: CalendarDay[] = [];
  for (let offset = fastest.workingDays; offset <= slowest.workingDays + extraWorkingDays; offset++) {
    const date = addWorkingDays(today, offset, holidays);
    const cheapest = options
      .filter((option) => option.workingDays <= offset)
      .reduce((best, option) => (option.priceFactor < best.priceFactor ? option : best));
    days.push({
      date,
      tier: cheapest.tier,
      buyerUnitPriceCents: cheapest.buyerUnitPriceCents,
      buyerTotalPriceCents: cheapest.buyerTotalPriceCents,
    });
  }
  return days;
}
