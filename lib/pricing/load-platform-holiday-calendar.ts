import { z } from "zod";
import type { HolidayCalendar } from "../../quoting-engine/pricing/working-days";
import type { Database, TransactionClient } from "../db/prisma";
import { platformHolidayCalendar } from "./platform-holiday-calendar";
import { closureDaySchema } from "./pricing-settings";

const holidaysOnly = z.object({ holidays: z.array(closureDaySchema).default([]) });

/**
 * The holiday calendar of the current pricing settings version, for code that counts working days
 * without pricing (the matcher's offer deadline and production window). Reads only the closure days, so
 * a problem elsewhere in the document does not stop matching; without settings, the national holidays.
 */
export async function loadPlatformHolidayCalendar(
  db: Database | TransactionClient,
): Promise<HolidayCalendar> {
  // Only the closure days leave the database: the matcher calls this for every line it places, and the
  // document around them holds every price of the version.
  const rows = await db.$queryRaw<{ holidays: unknown }[]>`
    SELECT "settings"->'holidays' AS "holidays" FROM "PricingSettings" ORDER BY "version" DESC LIMIT 1`;
  const parsed = holidaysOnly.safeParse({ holidays: rows[0]?.holidays ?? undefined });
  return platformHolidayCalendar(parsed.success ? parsed.data.holidays : []);
}
