import { isWorkingDay, type HolidayCalendar } from "../../quoting-engine/pricing/working-days";
import { quoteDay } from "../quotes/quote-day";

const stepMs = 15 * 60_000;
const hourMs = 3_600_000;

/**
 * Berlin's day of each UTC hour walked so far (decision 0123): every offer's walk crosses the same coming
 * hours again, and formatting a date cost the matcher a quarter of a millisecond per offer. Let go at
 * 20,000 hours (about two years of them).
 */
const berlinDayOfHour = new Map<number, string>();

function berlinDayOf(hour: number): string {
  let day = berlinDayOfHour.get(hour);
  if (day === undefined) {
    if (berlinDayOfHour.size >= 20_000) berlinDayOfHour.clear();
    day = quoteDay(new Date(hour * hourMs));
    berlinDayOfHour.set(hour, day);
  }
  return day;
}

/**
 * When an offer made at `from` expires: `workingHours` later, counting only time on working days in
 * Germany (Monday to Friday, not a holiday of `holidays`, in Europe/Berlin time). `holidays` defaults to
 * the national holidays; the matcher passes the platform's calendar with its closure days. An offer made on Friday at
 * 15:00 with 24 working hours expires on Monday at 15:00. Walks in quarter hours, so the answer is exact
 * to a quarter hour at day boundaries (and daylight-saving changes), and exact otherwise.
 */
export function offerDeadline(from: Date, workingHours: number, holidays?: HolidayCalendar): Date {
  let remainingMs = workingHours * 3_600_000;
  let at = from.getTime();
  // Whole quarter hours first, then the remainder on the last working day. Berlin's day changes only on
  // a whole UTC hour (its offsets are whole hours, and so are its clock changes), so the day is worked
  // out once per UTC hour, not per quarter hour: a formatted date per step made this a tenth of a match.
  let hour = Number.NaN;
  let working = false;
  while (remainingMs > 0) {
    const step = Math.min(stepMs, remainingMs);
    if (Math.floor(at / hourMs) !== hour) {
      hour = Math.floor(at / hourMs);
      working = isWorkingDay(berlinDayOf(hour), holidays);
    }
    if (working) remainingMs -= step;
    at += step;
  }
  return new Date(at);
}
