import { z } from "zod";
import { typedEuros } from "../money/typed-euros";

/** Form fields arrive as text; an empty field is missing, and a decimal comma counts like a point. */
function toNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim().replace(",", ".");
  return trimmed === "" ? undefined : Number(trimmed);
}

/**
 * A number typed into a form (or passed as a number), between `min` and `max`, whole if `integer`;
 * `what` names it in the messages ("Enter the margin in percent …").
 */
export function numberInput(what: string, min: number, max: number, options: { integer?: boolean } = {}) {
  const range = `from ${min} to ${max}`;
  let schema = z
    .number({ error: `Enter ${what} as a number ${range}.` })
    .min(min, `Enter ${what} ${range}.`)
    .max(max, `Enter ${what} ${range}.`);
  if (options.integer) schema = schema.int(`Enter ${what} as a whole number ${range}.`);
  return z.preprocess(toNumber, schema);
}

/**
 * A price typed in euros ("12.50", "12,50", "1.215,50": lib/money/parse-euro-cents.ts), above zero,
 * returned in whole cents.
 */
export function euroCentsInput(what: string, maxEuros: number) {
  return z.preprocess(
    typedEuros,
    z
      .number({ error: `Enter ${what} in euros, e.g. 12.50.` })
      .positive(`Enter ${what} above zero.`)
      .max(maxEuros, `Enter ${what} of at most €${maxEuros}.`)
      .transform((euros) => Math.round(euros * 100)),
  );
}

/** Why an operator changed a setting: it goes into the version's summary, so it is required. */
export const reasonInput = z
  .string({ error: "Give a reason for the change." })
  .trim()
  .min(3, "Give a reason for the change (at least 3 characters).")
  .max(200, "Keep the reason under 200 characters.");

/**
 * The large-move warning an operator confirmed by ticking its box (large-price-moves.ts); missing, or
 * empty, until then.
 */
export const confirmLargeChangeInput = z.string().optional();

/** "35 %" and "1.5" without trailing zeros, for change summaries. */
export const formatNumber = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
