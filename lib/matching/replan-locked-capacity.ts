import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import type { ManufacturingProcess } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { daysOffBetween } from "./days-off";
import { loadClosureDays } from "./load-closure-days";
import { planFreeCapacity } from "./plan-free-capacity";
import type { LineToMatch } from "./rank-candidates";

/** A supplier's held hours and blocked days around a window, counted under its capacity lock. */
export interface CountedCapacity {
  reservedHoursByWeek: Record<IsoDate, number> | null;
  blockedDays: IsoDate[] | null;
  countryCode: string;
  region: string | null;
}

/**
 * For a supplier whose capacity row the transaction has locked (`weeklyHours` read under the lock): counts
 * its free hours again with what other transactions committed meanwhile, and returns where the job's
 * hours go, or null when they no longer fit. Pass the platform's closure days when they were read already
 * (the matcher reads them with the line), or they are read here.
 */
export async function replanLockedCapacity(
  tx: TransactionClient,
  process: ManufacturingProcess,
  companyId: string,
  weeklyHours: number,
  line: Pick<LineToMatch, "estimatedMachineHours">,
  window: { firstDay: string; lastDay: string },
  closureDays?: { date: IsoDate; name: string }[],
): Promise<{ weekStart: string; hours: number }[] | null> {
  // A statement of its own after the lock: under READ COMMITTED a statement's snapshot is taken when it
  // starts, so a count inside the locking statement would miss what the lock's previous holder committed
  // while this one waited. Whole weeks of blocked days, as planFreeCapacity counts a week's blocked days
  // also outside the window (count_supplier_capacity, migration 202612120401, which the matcher's
  // lock_and_count_supplier_capacity uses too).
  const [counted] = await tx.$queryRaw<CountedCapacity[]>`/* prepared */
    SELECT * FROM count_supplier_capacity(${companyId}, ${process}::"ManufacturingProcess",
      (${window.firstDay}::date - 7), ${window.lastDay}::date,
      ${weekStartOf(window.firstDay)}::date, ${shift(window.lastDay, 7)}::date)`;
  return planCountedCapacity(
    counted ?? null,
    weeklyHours,
    line,
    window,
    closureDays ?? (await loadClosureDays(tx)),
  );
}

/**
 * Where the job's hours go in a supplier's capacity as counted under its lock (null when they do not
 * fit): its public holidays and the platform's closure days count as blocked, as in loadMatchCandidates.
 */
export function planCountedCapacity(
  counted: CountedCapacity | null,
  weeklyHours: number,
  line: Pick<LineToMatch, "estimatedMachineHours">,
  window: { firstDay: string; lastDay: string },
  closureDays: { date: IsoDate; name: string }[],
): { weekStart: string; hours: number }[] | null {
  const daysOff = counted
    ? daysOffBetween(counted, closureDays, weekStartOf(window.firstDay), shift(window.lastDay, 7))
    : [];
  const plan = planFreeCapacity({
    machineHoursPerWeek: weeklyHours,
    reservedHoursByWeek: new Map(Object.entries(counted?.reservedHoursByWeek ?? {})),
    blockedDays: new Set([...(counted?.blockedDays ?? []), ...daysOff.map((entry) => entry.day)]),
    ...window,
    hoursNeeded: Math.max(0.1, line.estimatedMachineHours),
  });
  return plan.fits ? plan.allocations : null;
}
