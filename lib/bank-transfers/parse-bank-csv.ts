import { AppError } from "../errors/app-error";
import { parseAmountCents, type ParsedStatement, type StatementEntry } from "./bank-statement-entry";

/**
 * The columns of the simple CSV statement, by their header (English or the German a bank export uses;
 * case, spaces and order do not matter). Date, amount and reference are required.
 */
const columns = {
  date: ["date", "booking date", "buchungstag", "buchungsdatum", "datum"],
  amount: ["amount", "betrag"],
  currency: ["currency", "währung", "waehrung"],
  reference: ["reference", "verwendungszweck", "remittance information"],
  name: ["name", "payer", "auftraggeber", "zahlungspflichtiger", "beguenstigter/zahlungspflichtiger"],
  iban: ["iban", "kontonummer/iban"],
  bankReference: ["bank reference", "bankreferenz", "transaction id"],
} as const;

type Column = keyof typeof columns;

/** Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, separators and line breaks inside quotes). */
function splitCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === separator) {
      row.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += character;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.filter((fields) => fields.some((value) => value.trim() !== ""));
}

/** "2026-12-05" or the German "05.12.2026" (or "05.12.26") → "2026-12-05"; null for anything else. */
function parseDate(text: string): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const german = value.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/);
  if (!german) return null;
  const [, day, month, year] = german;
  return `${year!.length === 2 ? `20${year}` : year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/**
 * Reads the simple CSV statement (README, "Bank statements"): a header row, then one row per booking,
 * separated by semicolons (what German spreadsheets write) or commas; amounts with a decimal comma or
 * point, positive for money in and negative for money out; dates as YYYY-MM-DD or DD.MM.YYYY. Every
 * refusal names the row and column to fix.
 */
export function parseBankCsv(text: string): ParsedStatement {
  const content = text.replace(/^\uFEFF/, "");
  const headerLine = content.split(/\r?\n/, 1)[0] ?? "";
  const separator =
    (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const [header, ...rows] = splitCsv(content, separator);
  if (!header) throw new AppError("validation_failed", "The CSV file is empty.");
  const names = header.map((name) => name.trim().toLowerCase());
  const position = {} as Record<Column, number>;
  for (const [column, aliases] of Object.entries(columns) as [Column, readonly string[]][])
    position[column] = names.findIndex((name) => aliases.includes(name));
  for (const required of ["date", "amount", "reference"] as const)
    if (position[required] === -1)
      throw new AppError(
        "validation_failed",
        `The CSV has no "${required}" column. Its header row needs date, amount and reference (optional: currency, name, iban, bank reference).`,
      );
  const cell = (fields: string[], column: Column) =>
    position[column] === -1 ? "" : (fields[position[column]] ?? "").trim();
  const entries: StatementEntry[] = rows.map((fields, index) => {
    const line = index + 2;
    const bookingDate = parseDate(cell(fields, "date"));
    if (!bookingDate)
      throw new AppError(
        "validation_failed",
        `Row ${line}: "${cell(fields, "date")}" is not a date (write 2026-12-05 or 05.12.2026).`,
      );
    const signedCents = parseAmountCents(cell(fields, "amount"));
    if (signedCents === null || signedCents === 0)
      throw new AppError(
        "validation_failed",
        `Row ${line}: "${cell(fields, "amount")}" is not an amount (write 1234,56 or -12.00).`,
      );
    return {
      direction: signedCents > 0 ? "CRDT" : "DBIT",
      amountCents: Math.abs(signedCents),
      currency: (cell(fields, "currency") || "EUR").toUpperCase(),
      bookingDate,
      remittanceInfo: cell(fields, "reference").replace(/\s+/g, " "),
      counterpartyName: cell(fields, "name") || null,
      counterpartyIban: cell(fields, "iban").replace(/\s+/g, "").toUpperCase() || null,
      endToEndId: null,
      bankReference: cell(fields, "bankReference") || null,
    };
  });
  return { format: "CSV", accountIban: null, entries };
}
