import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { berlinDate } from "./berlin-date";

/** A period of whole days in Berlin time, both ends included: "2026-11-01" to "2026-11-30". */
export interface ExportPeriod {
  from: string;
  to: string;
}

const day = z.iso.date({ error: "must be a day such as 2026-11-01" });
const periodSchema = z.object({ from: day, to: day });

/** Longest period one export covers: a year, which is what DATEV's batches and the files' sizes bear. */
const maxPeriodDays = 366;

/**
 * The period of an export request (`?from=2026-11-01&to=2026-11-30`), checked at the boundary; without
 * both, last month. A period that ends before it starts or spans more than a year is refused with a
 * message that says what to send.
 */
export function parseExportPeriod(searchParams: URLSearchParams, now: Date = new Date()): ExportPeriod {
  const from = searchParams.get("from");
  const to = searchParams.get("to");
  if (!from && !to) return lastMonth(now);
  const parsed = periodSchema.safeParse({ from, to });
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      "Choose the period as two days, from and to, e.g. 2026-11-01 and 2026-11-30.",
    );
  const { from: start, to: end } = parsed.data;
  if (end < start)
    throw new AppError("validation_failed", "The period ends before it starts: swap the two days.");
  if (daysBetween(start, end) >= maxPeriodDays)
    throw new AppError("validation_failed", "Choose a period of at most one year.");
  return { from: start, to: end };
}

/** The previous calendar month in Berlin, the period accountants usually book. */
export function lastMonth(now: Date): ExportPeriod {
  const [year, month] = berlinDate(now).split("-").map(Number) as [number, number];
  const firstOfThisMonth = Date.UTC(year, month - 1, 1);
  const lastOfPrevious = new Date(firstOfThisMonth - 86_400_000);
  const from = `${lastOfPrevious.toISOString().slice(0, 8)}01`;
  return { from, to: lastOfPrevious.toISOString().slice(0, 10) };
}

/**
 * The moments that bound a period in the database: from Berlin midnight at its first day to Berlin
 * midnight after its last (exclusive), whatever the daylight-saving offset of each end.
 */
export function periodBounds(period: ExportPeriod): { start: Date; endExclusive: Date } {
  const next = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { start: berlinMidnight(period.from), endExclusive: berlinMidnight(next) };
}

function berlinMidnight(day: string): Date {
  // Berlin is UTC+1 or UTC+2: try both and keep the one whose Berlin day and hour are the day's 00:00.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);
    if (berlinDate(candidate) === day && berlinDate(new Date(candidate.getTime() - 1)) !== day)
      return candidate;
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) - 3_600_000);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
