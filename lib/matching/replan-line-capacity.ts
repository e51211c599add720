import { shift, weekStartOf, type IsoDate } from "../../quoting-engine/pricing/working-days";
import { isoDateOf } from "../db/iso-date-of";
import type { TransactionClient } from "../db/prisma";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import { quoteDay } from "../quotes/quote-day";
import { lockAndReplanCapacity } from "./match-order-line";
import { loadMatchingSettings } from "./matching-settings";
import { productionWindowOf } from "./rank-candidates";

/**
 * Plans again the machine hours an order line holds at its supplier after its delivery date moved later
 * (a counteroffer's later date the buyer accepted, lib/counteroffers): the hours it held are released and
 * booked anew in the latest weeks before the new date that have room for them, within the new production
 * window. The supplier asked for the later date because it cannot make the parts sooner, so the hours
 * belong before the new date, and the earlier weeks, which the first plan had filled, are free again for
 * jobs due sooner (decision 0048). Runs inside the caller's transaction, with the line locked.
 *
 * Returns the new weeks, or null when nothing changed: the line holds no hours, or they fit in none of the
 * new window's weeks any more (then the old reservation stays, as it was accepted).
 */
export async function replanLineCapacity(
  tx: TransactionClient,
  orderLineId: string,
  now: Date = new Date(),
): Promise<{ weekStart: IsoDate; hours: number }[] | null> {
  const line = await tx.orderLine.findUniqueOrThrow({
    where: { id: orderLineId },
    select: { process: true, deliveryDate: true, supplierCompanyId: true },
  });
  if (!line.supplierCompanyId) return null;
  const held = await tx.capacityReservation.findMany({
    where: { orderLineId, companyId: line.supplierCompanyId, releasedAt: null },
    select: { id: true, machineHours: true, offerId: true },
  });
  if (held.length === 0) return null;
  const heldIds = held.map((reservation) => reservation.id);
  const hoursNeeded = held.reduce((sum, reservation) => sum + reservation.machineHours, 0);
  // Released first, so the plan below counts the line's own hours as free.
  await tx.capacityReservation.updateMany({ where: { id: { in: heldIds } }, data: { releasedAt: now } });

  const { settings } = await loadMatchingSettings(tx);
  const today = quoteDay(now);
  const window = productionWindowOf(
    isoDateOf(line.deliveryDate),
    { ...settings, holidays: await loadPlatformHolidayCalendar(tx) },
    today,
  );
  const supplier = { companyId: line.supplierCompanyId };
  // Latest week first: the first window, grown back a week at a time, that holds the hours. The planner
  // fills a window's earliest weeks first, so within it the hours sit as late as they fit.
  for (
    let weekStart = weekStartOf(window.lastDay);
    weekStart >= weekStartOf(window.firstDay);
    weekStart = shift(weekStart, -7)
  ) {
    const allocations = await lockAndReplanCapacity(
      tx,
      line.process,
      supplier,
      { estimatedMachineHours: hoursNeeded },
      { firstDay: weekStart > window.firstDay ? weekStart : window.firstDay, lastDay: window.lastDay },
    );
    if (!allocations) continue;
    await tx.capacityReservation.createMany({
      data: allocations.map((allocation) => ({
        companyId: line.supplierCompanyId!,
        process: line.process,
        weekStart: new Date(`${allocation.weekStart}T00:00:00Z`),
        machineHours: allocation.hours,
        orderLineId,
        offerId: held[0]!.offerId,
      })),
    });
    return allocations;
  }
  await tx.capacityReservation.updateMany({ where: { id: { in: heldIds } }, data: { releasedAt: null } });
  return null;
}
