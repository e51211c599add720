import { stringify } from "csv-stringify/sync";

/**
 * Rows as the CSV file the exports send: RFC 4180 (comma, double quotes, CR LF) by csv-stringify, a header
 * line of the columns, UTF-8 with a byte-order mark so Excel reads umlauts. A text cell that a spreadsheet
 * would run as a formula (a company name, PO number or file name typed as `=HYPERLINK(…)`, OWASP's CSV
 * injection) starts with an apostrophe, so it shows as the text it is; amounts such as "-2.50" stay numbers.
 * csv-stringify's own `escape_formulas` would turn those amounts into text too.
 */
export function csvText(
  rows: readonly Record<string, string | number>[],
  columns: readonly string[],
): string {
  const safeRows = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([column, value]) => [column, formulaSafe(value)])),
  );
  return `\uFEFF${stringify(safeRows, { header: true, columns: [...columns], record_delimiter: "windows" })}`;
}

const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const plainNumber = /^-?\d+(\.\d+)?$/;

function formulaSafe(value: string | number): string | number {
  return typeof value === "string" && formulaStart.test(value) && !plainNumber.test(value)
    ? `'${value}`
    : value;
}

/** An amount as a plain decimal with a dot: 119000 → "1190.00", -250 → "-2.50". */
export function eurosCell(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}
