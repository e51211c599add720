import { isoDateOf } from "../db/iso-date-of";
import type { Database, TransactionClient } from "../db/prisma";
import { loadMatchingSettings } from "../matching/matching-settings";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { lastOrderDay } from "./last-order-day";
import { quoteDay } from "./quote-day";

/**
 * The rule that says whether a quote's delivery date can still be ordered, with the current shipping
 * days and closure days: the cart flags quotes past it and checkout refuses them, so no order is placed
 * that no supplier could make in time.
 */
export async function loadOrderDeadline(db: Database | TransactionClient): Promise<{
  /** True when an order placed at `now` can no longer meet `deliveryDate` (a quote's date column). */
  isMissed: (deliveryDate: Date, now: Date) => boolean;
  shippingWorkingDays: number;
}> {
  // One after the other: inside a transaction both reads share one connection.
  const { settings } = await loadMatchingSettings(db);
  const holidays = await loadPlatformHolidayCalendar(db);
  return {
    isMissed: (deliveryDate, now) =>
      quoteDay(now) > lastOrderDay(isoDateOf(deliveryDate), settings.shippingWorkingDays, holidays),
    shippingWorkingDays: settings.shippingWorkingDays,
  };
}
