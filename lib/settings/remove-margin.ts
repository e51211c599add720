import { z } from "zod";
import type { Database } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatNumber, numberInput, reasonInput } from "./settings-input-fields";
import { marginProcessInput, marginRuleLabel } from "./set-margin";
import { savePricingVersion } from "./save-pricing-version";

const removeMarginSchema = z.object({
  process: marginProcessInput,
  minQuantity: numberInput("the smallest quantity", 1, 1_000_000, { integer: true }),
  reason: reasonInput,
});

/**
 * Removes a margin rule, as a new pricing settings version. The rule for all processes from 1 piece
 * stays: without it some orders would be priced without any margin.
 */
export async function removeMargin(db: Database, actor: { userId: string }, input: unknown) {
  const { process, minQuantity, reason } = removeMarginSchema.parse(input);
  if (!process && minQuantity === 1)
    throw new AppError(
      "validation_failed",
      "The margin for all processes from 1 piece is the fallback for every order: change it instead.",
    );
  return savePricingVersion(db, actor, reason, ({ document }) => {
    const rule = document.margins.find((old) => old.process === process && old.minQuantity === minQuantity);
    if (!rule) throw new AppError("not_found", "This margin rule was removed meanwhile.");
    return {
      summary: `Margin ${marginRuleLabel({ process, minQuantity })} (${formatNumber(rule.marginPercent)} %) removed`,
      document: { ...document, margins: document.margins.filter((old) => old !== rule) },
    };
  });
}
