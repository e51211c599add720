import { shift, weekStartOf, type IsoDate } from "../../quoting-engine/pricing/working-days";

export interface CapacityInput {
  machineHoursPerWeek: number;
  /** Machine hours already held (offers and accepted jobs) per ISO week, keyed by its Monday. */
  reservedHoursByWeek: ReadonlyMap<IsoDate, number>;
  /** The supplier's holidays and other days without production. */
  blockedDays: ReadonlySet<IsoDate>;
  /** The days production may use, both included. */
  firstDay: IsoDate;
  lastDay: IsoDate;
  hoursNeeded: number;
  /** The window's weeks from `windowWeeksOf(firstDay, lastDay)`, when the caller plans many suppliers. */
  windowWeeks?: WindowWeek[];
}

/** One ISO week touching the window: its Monday-to-Friday days and which of them lie in the window. */
export interface WindowWeek {
  weekStart: IsoDate;
  days: { day: IsoDate; inWindow: boolean }[];
}

/** The weeks a window touches, worked out once for all suppliers of a ranking. */
export function windowWeeksOf(firstDay: IsoDate, lastDay: IsoDate): WindowWeek[] {
  const weeks: WindowWeek[] = [];
  if (lastDay < firstDay) return weeks;
  for (let weekStart = weekStartOf(firstDay); weekStart <= lastDay; weekStart = shift(weekStart, 7)) {
    const days = [0, 1, 2, 3, 4].map((offset) => {
      const day = shift(weekStart, offset);
      return { day, inWindow: day >= firstDay && day <= lastDay };
    });
    weeks.push({ weekStart, days });
  }
  return weeks;
}

export interface CapacityPlan {
  fits: boolean;
  /** Free machine hours in the window. */
  freeHours: number;
  /** The window's share of the weekly capacity. */
  capacityHours: number;
  /** Held hours in the weeks of the window as a share of those weeks' capacity (0…1, before this job). */
  utilisation: number;
  /** Where the job's hours go, earliest week first; empty when it does not fit. */
  allocations: { weekStart: IsoDate; hours: number }[];
}

/**
 * Each week's free hours while `planFreeCapacity` runs: one buffer for every call (it is synchronous), not
 * an array per supplier planned (issue 22: a ranking plans a thousand and more).
 */
let freeByWeekScratch = new Float64Array(16);

/**
 * Whether a job of `hoursNeeded` machine hours fits a supplier's free capacity between two days. Capacity
 * is kept per ISO week: each working day (Monday to Friday, not blocked) holds a fifth of the weekly
 * hours. A week's free hours are what its reservations leave, but no more than its days inside the
 * window hold, so a week cut by the window only counts its days in it. The job fills the earliest weeks
 * first, which keeps later weeks free for jobs with closer dates.
 */
export function planFreeCapacity(input: CapacityInput): CapacityPlan {
  // The matcher plans every supplier of a ranking with this (1,000 and more per line), so it sums in one
  // pass without an object per week; the sums run in week order, as a reduce over the weeks would.
  const dailyHours = input.machineHoursPerWeek / 5;
  const weeks = dailyHours > 0 ? (input.windowWeeks ?? windowWeeksOf(input.firstDay, input.lastDay)) : [];
  if (freeByWeekScratch.length < weeks.length) freeByWeekScratch = new Float64Array(weeks.length * 2);
  const freeByWeek = freeByWeekScratch;
  let freeHours = 0;
  let weeksCapacity = 0;
  let weeksReserved = 0;
  let capacityHours = 0;
  for (let weekIndex = 0; weekIndex < weeks.length; weekIndex++) {
    const { weekStart, days } = weeks[weekIndex]!;
    let workingDays = 0;
    let workingDaysInWindow = 0;
    for (const { day, inWindow } of days) {
      if (input.blockedDays.size > 0 && input.blockedDays.has(day)) continue;
      workingDays++;
      if (inWindow) workingDaysInWindow++;
    }
    const capacity = dailyHours * workingDays;
    const capacityInWindow = dailyHours * workingDaysInWindow;
    const reserved = input.reservedHoursByWeek.get(weekStart) ?? 0;
    const free = Math.max(0, Math.min(capacity - reserved, capacityInWindow));
    freeByWeek[weekIndex] = free;
    freeHours += free;
    weeksCapacity += capacity;
    weeksReserved += Math.min(reserved, capacity);
    capacityHours += capacityInWindow;
  }
  const fits = weeks.length > 0 && freeHours + 1e-9 >= input.hoursNeeded;
  const allocations: CapacityPlan["allocations"] = [];
  if (fits) {
    let remaining = input.hoursNeeded;
    for (let index = 0; index < weeks.length; index++) {
      if (remaining <= 1e-9) break;
      const hours = Math.min(freeByWeek[index]!, remaining);
      if (hours > 0) allocations.push({ weekStart: weeks[index]!.weekStart, hours });
      remaining -= hours;
    }
  }
  return {
    fits,
    freeHours,
    capacityHours,
    utilisation: weeksCapacity > 0 ? weeksReserved / weeksCapacity : 1,
    allocations,
  };
}
