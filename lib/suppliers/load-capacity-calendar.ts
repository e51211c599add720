import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import { isoDateOf } from "../db/iso-date-of";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";
import { daysOffBetween, type DayOff } from "../matching/days-off";
import { loadClosureDays } from "../matching/load-closure-days";

export interface CapacityWeek {
  weekStart: IsoDate;
  /** The week's capacity after blocked days. */
  capacityHours: number;
  /** Held for accepted jobs. */
  jobHours: number;
  /** Held for offers waiting for an answer. */
  offerHours: number;
  blockedDays: IsoDate[];
  /** Its public holidays and the platform's closure days (also in blockedDays), with their names. */
  daysOff: DayOff[];
}

/**
 * A supplier's capacity for the coming `weeks` ISO weeks per process it offers: the weekly hours less
 * blocked days, public holidays and the platform's closure days, and the hours held by accepted jobs and by pending offers, as the matcher counts them.
 */
export async function loadCapacityCalendar(db: Database, companyId: string, weeks = 12, now = new Date()) {
  const firstWeek = weekStartOf(quoteDay(now));
  const lastDay = shift(firstWeek, weeks * 7 - 1);
  const [capacities, reservations, blocked, company, closureDays] = await Promise.all([
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
    db.company.findUniqueOrThrow({ where: { id: companyId }, select: { countryCode: true, region: true } }),
    loadClosureDays(db),
  ]);
  // As the matcher counts them (load-match-candidates.ts): its own blocked days, its country's and
  // region's public holidays and the platform's closure days.
  const daysOff = daysOffBetween(company, closureDays, firstWeek, lastDay);
  const blockedDays = [
    ...new Set([...blocked.map((row) => isoDateOf(row.day)), ...daysOff.map((entry) => entry.day)]),
  ].sort();
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
        daysOff: daysOff.filter((entry) => entry.day >= weekStart && entry.day <= shift(weekStart, 4)),
      });
    }
    return {
      process: capacity.process,
      weeklyHours: capacity.machineHoursPerWeek,
      weeks: rows,
    };
  });
}
