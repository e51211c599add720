import { z } from "zod";
import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import type { Database, TransactionClient } from "../db/prisma";
import { closureDaySchema } from "../pricing/pricing-settings";

const closureDaysOnly = z.object({ holidays: z.array(closureDaySchema).default([]) });

/**
 * The platform's closure days of the current pricing settings (/ops/settings), with their names: no
 * supplier's capacity counts them. Reads only that key, like loadPlatformHolidayCalendar.
 */
export async function loadClosureDays(
  db: Database | TransactionClient,
): Promise<{ date: IsoDate; name: string }[]> {
  const rows = await db.$queryRaw<{ holidays: unknown }[]>`
    SELECT "settings"->'holidays' AS "holidays" FROM "PricingSettings" ORDER BY "version" DESC LIMIT 1`;
  const parsed = closureDaysOnly.safeParse({ holidays: rows[0]?.holidays ?? undefined });
  return parsed.success ? parsed.data.holidays.map(({ date, name }) => ({ date, name })) : [];
}
