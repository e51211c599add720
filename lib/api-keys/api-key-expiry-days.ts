import { shift } from "../../quoting-engine/pricing/working-days";
import { isoDayYearsAfter } from "../dates/iso-day-years-after";
import { berlinDate } from "../exports/dates/berlin-date";

/** The last day a key works is at most this many years ahead: a leaked key must stop some day. */
export const maxApiKeyYears = 3;

/**
 * The days a new key's "Valid until" may name ("YYYY-MM-DD", Berlin time; decision 0075): from tomorrow
 * (a key that ends today works for hours, walk 9) to maxApiKeyYears ahead, a year ahead unless chosen.
 * The form's date field and createApiKey read the same days.
 */
export function apiKeyExpiryDays(now: Date): { first: string; last: string; usual: string } {
  const today = berlinDate(now);
  return {
    first: shift(today, 1),
    last: isoDayYearsAfter(today, maxApiKeyYears),
    usual: isoDayYearsAfter(today, 1),
  };
}
