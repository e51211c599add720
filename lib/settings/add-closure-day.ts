import { z } from "zod";
import { isIsoDate, isWorkingDay } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const closureDaySchema = z.object({
  date: z
    .string({ error: "Enter the date (YYYY-MM-DD)." })
    .refine(isIsoDate, "Enter the date as YYYY-MM-DD.")
    .refine((date) => date >= "2000-01-01" && date <= "2100-12-31", "Enter a date between 2000 and 2100."),
  name: z
    .string({ error: "Name the day, e.g. Christmas Eve." })
    .trim()
    .min(1, "Name the day, e.g. Christmas Eve.")
    .max(80, "Keep the name under 80 characters."),
  reason: reasonInput,
});

/**
 * Closes the platform on a day (besides Germany's national holidays), as a new pricing settings
 * version: quotes' delivery dates, offer deadlines and production windows skip it from then on.
 */
export async function addClosureDay(db: Database, actor: { userId: string }, input: unknown) {
  const { date, name, reason } = closureDaySchema.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
    if (document.holidays.some((day) => day.date === date))
      throw new AppError("conflict", `${date} is closed already.`, { field: "date" });
    if (!isWorkingDay(date))
      throw new AppError(
        "conflict",
        `${date} is a weekend day or a national holiday, closed already; choose a working day.`,
        { field: "date" },
      );
    return {
      summary: `Holiday ${date} (${name}) added`,
      document: {
        ...document,
        holidays: [...document.holidays, { date, name }].sort((a, b) => a.date.localeCompare(b.date)),
      },
    };
  });
}
