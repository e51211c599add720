import { createHash } from "node:crypto";
import type { StatementEntry } from "./bank-statement-entry";

/**
 * The unique key of each entry, the same in every statement that lists it: the bank's own reference
 * (AcctSvcrRef, or the CSV's bank reference column) when there is one; otherwise a SHA-256 of what the
 * entry says (date, direction, amount, currency, remittance, payer's IBAN, end-to-end id) and how many
 * identical entries came before it in the file, so two equal transfers on one day stay two. A statement
 * uploaded twice, or one overlapping an earlier one by whole days, yields the same keys.
 */
export function entryKeys(entries: readonly StatementEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    if (entry.bankReference) return `ref:${entry.bankReference}`;
    const content = JSON.stringify([
      entry.bookingDate,
      entry.direction,
      entry.amountCents,
      entry.currency,
      entry.remittanceInfo,
      entry.counterpartyIban,
      entry.endToEndId,
    ]);
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    return `sha256:${createHash("sha256").update(`${content}#${occurrence}`).digest("hex")}`;
  });
}
