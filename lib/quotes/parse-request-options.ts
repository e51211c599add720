import { AppError } from "../errors/app-error";
import { quoteOptionsSchema, type QuoteOptionsInput } from "./quote-options-schema";

/** The options stored on a manual quote request (checked when it was made), read back. */
export function parseRequestOptions(stored: unknown): QuoteOptionsInput {
  const parsed = quoteOptionsSchema.safeParse(stored);
  if (!parsed.success)
    throw new AppError("internal_error", "The options stored with this quote request are unreadable.");
  return parsed.data;
}
