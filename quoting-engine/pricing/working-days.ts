/** A calendar date without time zone, "YYYY-MM-DD". */
export type IsoDate = string;

/** Public holidays of a calendar year, as ISO dates. */
export type HolidayCalendar = (year: number) => IsoDate[];

/**
 * Germany's nine national public holidays (Neujahr, Karfreitag, Ostermontag, Tag der Arbeit, Christi
 * Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, 1. and 2. Weihnachtstag). Regional holidays
 * (Fronleichnam, Reformationstag …) belong to a supplier's own calendar.
 */
export const germanNationalHolidays: HolidayCalendar = (year) => {
  const easter = easterSunday(year);
  return [
    `${year}-01-01`,
    shift(easter, -2),
    shift(easter, 1),
    `${year}-05-01`,
    shift(easter, 39),
    shift(easter, 50),
    `${year}-10-03`,
    `${year}-12-25`,
    `${year}-12-26`,
  ];
};

/** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso(Date.UTC(year, month - 1, day));
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The Monday of the ISO week holding `date`. */
export function weekStartOf(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return shift(date, -((weekday + 6) % 7));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isWorkingDay(date: IsoDate, holidays: HolidayCalendar = germanNationalHolidays): boolean {
  if (isWeekend(date)) return false;
  return !holidaysOf(holidays, Number(date.slice(0, 4))).has(date);
}

/** Each calendar's holidays per year, computed once: quotes walk hundreds of days. */
const holidayCache = new WeakMap<HolidayCalendar, Map<number, Set<IsoDate>>>();

function holidaysOf(calendar: HolidayCalendar, year: number): Set<IsoDate> {
  let years = holidayCache.get(calendar);
  if (!years) holidayCache.set(calendar, (years = new Map()));
  let set = years.get(year);
  if (!set) years.set(year, (set = new Set(calendar(year))));
  return set;
}

/**
 * Each calendar's answers of addWorkingDays, by "from|days". A price walks the same days for every
 * delivery tier, calendar day and compared process (a comparison asks some thousand times), and every
 * buyer prices from the same today: the walk is done once (issue 22, docs/decisions/0120).
 */
const workingDayAnswers = new WeakMap<HolidayCalendar, Map<string, IsoDate>>();
/** Enough for every offset of a few weeks of days; the memory is emptied when full. */
const maxRememberedAnswers = 10_000;

/** The date `days` working days after `from` (which itself does not count). */
export function addWorkingDays(
  from: IsoDate,
  days: number,
  holidays: HolidayCalendar = germanNationalHolidays,
): IsoDate {
  const count = Math.max(0, Math.ceil(days));
  let answers = workingDayAnswers.get(holidays);
  if (!answers) workingDayAnswers.set(holidays, (answers = new Map()));
  const key = `${from}|${count}`;
  let date = answers.get(key);
  if (date === undefined) {
    date = walkWorkingDays(from, count, holidays);
    if (answers.size >= maxRememberedAnswers) answers.clear();
    answers.set(key, date);
  }
  return date;
}

function walkWorkingDays(from: IsoDate, count: number, holidays: HolidayCalendar): IsoDate {
  let date = from;
  let remaining = count;
  while (remaining > 0) {
    date = shift(date, 1);
    if (isWorkingDay(date, holidays)) remaining--;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  holidays: HolidayCalendar = germanNationalHolidays,
): number {
  let count = 0;
  for (let date = shift(from, 1); date <= to; date = shift(date, 1))
    if (isWorkingDay(date, holidays)) count++;
  return count;
}

export function shift(date: IsoDate, days: number): IsoDate {
  return toIso(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toIso(Date.parse(`${value}T00:00:00Z`)) === value;
}

function toIso(epochMs: number): IsoDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}
