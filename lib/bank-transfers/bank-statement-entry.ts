/** One booked entry of a bank statement as the parsers read it, before it is matched to an order. */
export interface StatementEntry {
  /** Money in (a buyer paying) or out; only credits are matched, debits are counted and ignored. */
  direction: "CRDT" | "DBIT";
  amountCents: number;
  currency: string;
  /** YYYY-MM-DD. */
  bookingDate: string;
  /** Unstructured remittance information (every Ustrd joined) and any structured creditor reference. */
  remittanceInfo: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  /** The bank's own unique reference for the entry (AcctSvcrRef), when it gives one. */
  bankReference: string | null;
}

export interface ParsedStatement {
  format: "CAMT053" | "CSV";
  /** The account the statement is of (CAMT.053 Acct/Id/IBAN), when the file says. */
  accountIban: string | null;
  entries: StatementEntry[];
}

/**
 * "1234.56", "1.234,56", "1234,5", "-12,00" → cents, without floating point. A dot followed by exactly
 * three digits and no comma ("1.234") is a German thousands separator; otherwise the last dot or comma
 * is the decimal mark. Returns null for anything else.
 */
export function parseAmountCents(text: string): number | null {
  let value = text.trim().replace(/\s|€|EUR/gi, "");
  const negative = value.startsWith("-");
  value = value.replace(/^[-+]/, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) value = value.replace(/\./g, "");
  else if (value.includes(",")) value = value.replace(/\./g, "").replace(",", ".");
  const match = value.match(/^(\d+)(?:\.(\d{1,2})\d*)?$/);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return negative ? -cents : cents;
}
