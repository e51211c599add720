/**
 * An amount in euros as people across Europe type it, in whole cents: "1500", "1500.5", "1500,50",
 * "1.500" and "1,500" (a group of three digits after the separator is thousands: euros have no third
 * decimal), "1.500,50", "1,500.50", "1 500,50", "1'500.50", "€ 250", "250 €". Null for anything else:
 * a negative amount, three or more decimals after the last separator that are no thousands group
 * ("1.2345"), mixed or repeated decimal separators ("1,500,50", "1.5.0"), letters.
 *
 * Why not Number(text.replace(",", ".")): "1.215", a German partner's €1,215, read as €1.22 and was
 * accepted at once as a counteroffer below the buyer's price (walk 10, decision 0127).
 */
export function parseEuroCents(text: string): number | null {
  const plain = text.replace(/[€\s\u00a0\u202f']/g, "");
  const match = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d{1,2}))?$/.exec(plain);
  if (!match) return null;
  const [, whole = "", groupSeparator, decimalSeparator, decimals = ""] = match;
  if (groupSeparator && decimalSeparator === groupSeparator) return null;
  const euros = Number(whole.replace(/[.,]/g, ""));
  const cents = Number(decimals.padEnd(2, "0"));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}
