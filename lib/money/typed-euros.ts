import { parseEuroCents } from "./parse-euro-cents";

/**
 * A zod preprocess for an amount typed in euros: the euros (cents / 100) of what parseEuroCents reads,
 * NaN for text it cannot read (the schema's number refusal then says what to type), undefined for an
 * empty field, and anything else (a number from the API) unchanged.
 */
export function typedEuros(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value.trim() === "") return undefined;
  const cents = parseEuroCents(value);
  return cents === null ? Number.NaN : cents / 100;
}
