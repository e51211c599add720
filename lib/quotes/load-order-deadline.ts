import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type { Database, TransactionClient } from "../db/prisma";
import { loadMatchingSettings } from "../matching/matching-settings";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { lastOrderDay } from "./last-order-day";

/**
 * The rule that says until when a quote's delivery date can still be ordered, with the current shipping
 * days and closure days: the cart flags quotes past it and checkout refuses them, so no order is placed
 * that no partner could make in time.
 */
export async function loadOrderDeadline(
  db: Database | TransactionClient,
): Promise<{ lastOrderDayFor: (deliveryDate: IsoDate) => IsoDate; shippingWorkingDays: number }> {
  // One after the other: inside a transaction both reads share one connection.
  const { settings } = await loadMatchingSettings(db);
  const holidays = await loadPlatformHolidayCalendar(db);
  return {
    lastOrderDayFor: (deliveryDate) => lastOrderDay(deliveryDate, settings.shippingWorkingDays, holidays),
    shippingWorkingDays: settings.shippingWorkingDays,
  };
}
