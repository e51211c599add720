import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import { isoDateOf } from "../db/iso-date-of";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";

export interface CapacityWeek {
  weekStart: IsoDate;
  /** The week's capacity after blocked days. */
  capacityHours: number;
  /** Held for accepted jobs. */
  jobHours: number;
  /** Held for offers waiting for an answer. */
  offerHours: number;
  blockedDays: IsoDate[];
}

/**
 * A supplier's capacity for the coming `weeks` ISO weeks per process it offers: the weekly hours less
 * blocked days, and the hours held by accepted jobs and by pending offers, as the matcher counts them.
 */
export async function loadCapacityCalendar(db: Database, companyId: string, weeks = 12, now = new Date()) {
  const firstWeek = weekStartOf(quoteDay(now));
  const lastDay = shift(firstWeek, weeks * 7 - 1);
  const [capacities, reservations, blocked] = await Promise.all([
    db.weeklyCapacity.findMany({ where: { companyId }, orderBy: { process: "asc" } }),
    db.capacityReservation.findMany({
      where: {
        companyId,
        releasedAt: null,
        weekStart: { gte: new Date(`${firstWeek}T00:00:00Z`), lte: new Date(`${lastDay}T00:00:00Z`) },
      },
      select: { process: true, weekStart: true, machineHours: true, offer: { select: { status: true } } },
    }),
    db.blockedDay.findMany({
      where: {
        companyId,
        day: { gte: new Date(`${firstWeek}T00:00:00Z`), lte: new Date(`${lastDay}T00:00:00Z`) },
      },
      orderBy: { day: "asc" },
    }),
  ]);
  const blockedDays = blocked.map((row) => isoDateOf(row.day));
  return capacities.map((capacity) => {
    const rows: CapacityWeek[] = [];
    for (let index = 0; index < weeks; index++) {
      const weekStart = shift(firstWeek, index * 7);
      const weekBlocked = blockedDays.filter((day) => day >= weekStart && day <= shift(weekStart, 4));
      const held = reservations.filter(
        (row) => row.process === capacity.process && isoDateOf(row.weekStart) === weekStart,
      );
      const sum = (pending: boolean) =>
        held
          .filter((row) => (row.offer?.status === "PENDING") === pending)
          .reduce((total, row) => total + row.machineHours, 0);
      rows.push({
        weekStart,
        capacityHours: (capacity.machineHoursPerWeek * (5 - weekBlocked.length)) / 5,
        jobHours: sum(false),
        offerHours: sum(true),
        blockedDays: weekBlocked,
      });
    }
    return {
      process: capacity.process,
      weeklyHours: capacity.machineHoursPerWeek,
      weeks: rows,
    };
  });
}
