import { z } from "zod";
import { parseEuroCents } from "../money/parse-euro-cents";
import { isIsoDate, type IsoDate } from "../../quoting-engine/pricing/working-days";

/** Form text as typed; numbers passed by code are accepted the same way. */
const typedText = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value) => String(value ?? "").trim());

/** "12.5" or "12,5" (a decimal comma is what most of our suppliers type). */
function parseDecimal(text: string): number {
  return /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
}

interface NumberRange {
  min: number;
  max: number;
  integer?: boolean;
}

function checkedNumber(text: string, range: NumberRange, message: string, ctx: z.RefinementCtx) {
  const value = parseDecimal(text);
  if (
    !Number.isFinite(value) ||
    value < range.min ||
    value > range.max ||
    (range.integer && !Number.isInteger(value))
  ) {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return value;
}

/** A required number typed into a form, within `range`; one message says what to enter. */
export function numberField(message: string, range: NumberRange) {
  return typedText.transform((text, ctx) => checkedNumber(text, range, message, ctx));
}

/** Like numberField, but empty means "not given" (null). */
export function optionalNumberField(message: string, range: NumberRange) {
  return typedText.transform((text, ctx) => (text === "" ? null : checkedNumber(text, range, message, ctx)));
}

/** At most €10,000,000, which keeps cents well inside the database's 32-bit integers. */
const maxEuros = 10_000_000;

/** An amount in euros as people type it (lib/money/parse-euro-cents.ts) as whole cents, or null when empty. */
export function optionalEurosField(message: string) {
  return typedText.transform((text, ctx) => {
    if (text === "") return null;
    const cents = parseEuroCents(text);
    if (cents === null || cents > maxEuros * 100) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });
}

/** A calendar day as a date input sends it, "YYYY-MM-DD". */
export function isoDayField(message: string) {
  return typedText.pipe(z.string().refine(isIsoDate, message)).transform((day): IsoDate => day);
}

/** Like isoDayField, but empty means "not given" (null). */
export function optionalIsoDayField(message: string) {
  return typedText
    .pipe(z.string().refine((day) => day === "" || isIsoDate(day), message))
    .transform((day): IsoDate | null => day || null);
}

/** Optional free text: trimmed, empty stored as null. */
export function optionalTextField(maxLength: number, message: string) {
  return typedText.pipe(z.string().max(maxLength, message)).transform((text) => text || null);
}
