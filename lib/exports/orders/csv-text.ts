import { stringify } from "csv-stringify/sync";

/**
 * Rows as the CSV file the exports send: RFC 4180 (comma, double quotes, CR LF) by csv-stringify, a header
 * line of the columns, UTF-8 with a byte-order mark so Excel reads umlauts.
 */
export function csvText(
  rows: readonly Record<string, string | number>[],
  columns: readonly string[],
): string {
  return `\uFEFF${stringify([...rows], { header: true, columns: [...columns], record_delimiter: "windows" })}`;
}

/** An amount as a plain decimal with a dot: 119000 → "1190.00", -250 → "-2.50". */
export function eurosCell(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}
