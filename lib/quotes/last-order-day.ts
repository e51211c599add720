import { shift, type HolidayCalendar, type IsoDate } from "../../quoting-engine/pricing/working-days";
import { lastProductionDay } from "../matching/rank-candidates";

/**
 * The last day on which an order can still meet `deliveryDate`: the matcher's production window starts
 * the day after the order and ends `shippingWorkingDays` working days before delivery, so an order placed
 * later leaves a supplier no production day and nobody could take the job.
 */
export function lastOrderDay(
  deliveryDate: IsoDate,
  shippingWorkingDays: number,
  holidays?: HolidayCalendar,
): IsoDate {
  return shift(lastProductionDay(deliveryDate, shippingWorkingDays, holidays), -1);
}
