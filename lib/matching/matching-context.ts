import { z } from "zod";
import type { HolidayCalendar, IsoDate } from "../../quoting-engine/pricing/working-days";
import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { platformHolidayCalendar } from "../pricing/platform-holiday-calendar";
import { closureDaySchema } from "../pricing/pricing-settings";
import { matchingSettingsSchema, type MatchingSettings } from "./matching-settings";

/**
 * What ranking any line reads besides the line and its candidates: the current matching settings (with
 * the platform's holiday calendar), the closure days by name (no supplier's capacity counts them), and
 * how many suppliers there are (the decision record's "not offering the process").
 */
export interface MatchingContext {
  settings: MatchingSettings & { holidays: HolidayCalendar };
  version: number;
  closureDays: { date: IsoDate; name: string }[];
  supplierCount: number;
}

/** The columns of the context as one statement reads them beside the line (lock-line-to-match.ts). */
export interface MatchingContextRow {
  settingsVersion: number | null;
  settings: unknown;
  closureDays: unknown;
  supplierCount: number;
}

const closureDaysOnly = z.object({ holidays: z.array(closureDaySchema).default([]) });

/**
 * The SQL select-list items of a context, for a statement that reads it beside something else; the
 * matcher reads it with the line it locked, saving three round trips per match (issue 22).
 */
export const matchingContextColumns = `
  (SELECT "version" FROM "MatchingSettings" ORDER BY "version" DESC LIMIT 1) AS "settingsVersion",
  (SELECT "settings" FROM "MatchingSettings" ORDER BY "version" DESC LIMIT 1) AS "settings",
  (SELECT "settings"->'holidays' FROM "PricingSettings" ORDER BY "version" DESC LIMIT 1) AS "closureDays",
  (SELECT count(*)::int FROM "Company" WHERE "kind" = 'SUPPLIER') AS "supplierCount"`;

/**
 * The contexts parsed last, by what was read (decision 0123): the matcher reads the context with every
 * line, and checking the settings against their schema and building the holiday calendar cost it about
 * half a millisecond each time, for settings that change a few times a year. Keyed by the stored texts
 * themselves, so a row changed in place is parsed again. At most a few kept.
 */
const parsedContexts = new Map<string, Omit<MatchingContext, "supplierCount">>();

/** Parses a context read with `matchingContextColumns`, as loadMatchingSettings and the calendar do. */
export function matchingContextOf(row: MatchingContextRow): MatchingContext {
  const key = JSON.stringify([row.settingsVersion, row.settings, row.closureDays ?? null]);
  let parsed = parsedContexts.get(key);
  if (!parsed) {
    parsed = parseMatchingContext(row);
    if (parsedContexts.size >= 8) parsedContexts.clear();
    parsedContexts.set(key, parsed);
  }
  return { ...parsed, supplierCount: row.supplierCount };
}

function parseMatchingContext(row: MatchingContextRow): Omit<MatchingContext, "supplierCount"> {
  if (row.settingsVersion === null)
    throw new AppError("internal_error", "No matching settings are stored: run the seed (npm run db:seed).");
  const parsed = matchingSettingsSchema.safeParse(row.settings);
  if (!parsed.success)
    throw new AppError(
      "internal_error",
      `Matching settings version ${row.settingsVersion} are invalid: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  // A problem elsewhere in the pricing settings, or none stored, leaves only the national holidays.
  const closure = closureDaysOnly.safeParse({ holidays: row.closureDays ?? undefined });
  const closureDays = closure.success ? closure.data.holidays.map(({ date, name }) => ({ date, name })) : [];
  // Frozen: every match shares them.
  return Object.freeze({
    settings: Object.freeze({ ...parsed.data, holidays: platformHolidayCalendar(closureDays) }),
    version: row.settingsVersion,
    closureDays: Object.freeze(closureDays) as MatchingContext["closureDays"],
  });
}

/** The context on its own, in one statement, for callers that do not lock a line first. */
export async function loadMatchingContext(db: Database | TransactionClient): Promise<MatchingContext> {
  const [row] = await db.$queryRawUnsafe<MatchingContextRow[]>(`SELECT ${matchingContextColumns}`);
  return matchingContextOf(row!);
}
