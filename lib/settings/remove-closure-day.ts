import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { reasonInput } from "./settings-input-fields";
import { savePricingVersion } from "./save-pricing-version";

const removeClosureDaySchema = z.object({ date: z.string().min(1), reason: reasonInput });

/** Opens a closed day again (national holidays stay closed), as a new pricing settings version. */
export async function removeClosureDay(db: Database, actor: { userId: string }, input: unknown) {
  const { date, reason } = removeClosureDaySchema.parse(input);
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const day = document.holidays.find((closed) => closed.date === date);
    if (!day) throw new AppError("not_found", `${date} is not in the holiday calendar (any more).`);
    return {
      summary: `Holiday ${date} (${day.name}) removed`,
      document: { ...document, holidays: document.holidays.filter((closed) => closed !== day) },
    };
  });
}
