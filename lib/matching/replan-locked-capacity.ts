import { type IsoDate, shift, weekStartOf } from "../../quoting-engine/pricing/working-days";
import type { ManufacturingProcess } from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { daysOffBetween } from "./days-off";
import { loadClosureDays } from "./load-closure-days";
import { planFreeCapacity } from "./plan-free-capacity";
import type { LineToMatch } from "./rank-candidates";

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
  // also outside the window.
  const [counted] = await tx.$queryRaw<
    {
      reservedHoursByWeek: Record<IsoDate, number> | null;
      blockedDays: IsoDate[] | null;
      countryCode: string;
      region: string | null;
    }[]
  >`/* prepared */
    SELECT (SELECT json_object_agg("weekStart", "hours") FROM (
              SELECT "weekStart", SUM("machineHours")::float8 AS "hours" FROM "CapacityReservation"
               WHERE "companyId" = ${companyId} AND "process" = ${process}::"ManufacturingProcess"
                 AND "releasedAt" IS NULL AND "weekStart" BETWEEN (${window.firstDay}::date - 7) AND ${window.lastDay}::date
               GROUP BY "weekStart") weeks) AS "reservedHoursByWeek",
           (SELECT json_agg("day") FROM "BlockedDay"
             WHERE "companyId" = ${companyId}
               AND "day" BETWEEN ${weekStartOf(window.firstDay)}::date AND ${shift(window.lastDay, 7)}::date) AS "blockedDays",
           c."countryCode", c."region" FROM "Company" c WHERE c."id" = ${companyId}`;
  // Its public holidays and the platform's closure days count as blocked, as in loadMatchCandidates.
  const daysOff = counted
    ? daysOffBetween(
        counted,
        closureDays ?? (await loadClosureDays(tx)),
        weekStartOf(window.firstDay),
        shift(window.lastDay, 7),
      )
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
