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
  const row = await db.pricingSettings.findFirst({
    orderBy: { version: "desc" },
    select: { settings: true },
  });
  const parsed = holidaysOnly.safeParse(row?.settings ?? {});
  return platformHolidayCalendar(parsed.success ? parsed.data.holidays : []);
}
