import { parseEuroCents } from "./parse-euro-cents";

/**
 * A zod preprocess for an amount typed in euros: the euros (cents / 100) of what parseEuroCents reads,
 * a leading minus kept; NaN for text it cannot read (the schema's number refusal then says what to
 * type), undefined for an empty field, and anything else (a number from the API) unchanged.
 */
export function typedEuros(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  // A minus is read, so the schema says "above zero" rather than "enter it in euros".
  const negative = text.startsWith("-");
  const cents = parseEuroCents(negative ? text.slice(1) : text);
  if (cents === null) return Number.NaN;
  return (negative ? -cents : cents) / 100;
}
