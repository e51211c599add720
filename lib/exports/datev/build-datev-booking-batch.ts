import iconv from "iconv-lite";
import { datevBookingColumns } from "./datev-booking-columns";

/** One posting of the batch, in the platform's terms; the builder writes DATEV's fields from it. */
export interface DatevBooking {
  /** The gross amount in cents, > 0 (DATEV takes amounts without sign; `side` says which). */
  amountCents: number;
  /** Which side of `account` the amount is on: S (Soll, debit) or H (Haben, credit). */
  side: "S" | "H";
  /** The personal account (debtor or creditor) or G/L account the posting is on. */
  account: number;
  /** The other account (revenue, purchases); an automatic account carries its own VAT rate. */
  contraAccount: number;
  /** The document's day in Berlin, "YYYY-MM-DD"; written as TTMM, the year comes from the header. */
  documentDate: string;
  /** Belegfeld 1: the invoice or credit note number, which DATEV uses to match open items. */
  documentNumber: string;
  /** Buchungstext: cut to DATEV's 60 characters. */
  text: string;
  /** The order number (Auftragsnummer), optional. */
  orderNumber?: string;
  /** The buyer's VAT ID for an intra-community supply (EU-Land u. UStID), optional. */
  euVatId?: string;
  /** When the invoice is due, "YYYY-MM-DD" (Fälligkeit), optional. */
  dueDate?: string;
}

/** What the header line says about the batch. */
export interface DatevBatchHeader {
  /** Beraternummer: the tax adviser's DATEV number, 1001–9999999. */
  consultantNumber: number;
  /** Mandantennummer: the platform's client number at the adviser, 1–99999. */
  clientNumber: number;
  /** The first day of the fiscal year the batch belongs to, "YYYY-MM-DD". */
  fiscalYearStart: string;
  /** Sachkontenlänge: digits of a G/L account (4 in SKR03); personal accounts have one more. */
  accountLength: number;
  /** The batch's first and last day, "YYYY-MM-DD"; every document date must lie in between. */
  from: string;
  to: string;
  /** Bezeichnung: the batch's name as the adviser sees it, at most 30 characters. */
  label: string;
  /** The chart of accounts, "03" (SKR03) or "04". */
  chartOfAccounts: "03" | "04";
  createdAt: Date;
}

/**
 * A DATEV "Buchungsstapel" (EXTF, header version 700, format version 13) as DATEV's format description
 * defines it (developer.datev.de › DATEV-Format; decision 0062): line 1 the header with 31 fields, line 2
 * the 125 column headings, then one posting per line with 125 fields; fields separated by ";", lines by
 * CR LF; text fields in double quotes (quotes doubled, no line breaks), numbers without quotes and with a
 * decimal comma and no thousands separator; encoded as Windows-1252 (ANSI), which DATEV's import of
 * posting batches expects. Written by hand rather than with a CSV library because the quoting is by
 * field type (a text field is quoted even when empty, a number never), which CSV writers do not offer.
 */
export function buildDatevBookingBatch(
  header: DatevBatchHeader,
  bookings: readonly DatevBooking[],
): { text: string; bytes: Buffer; fileName: string } {
  const lines = [headerLine(header), datevBookingColumns.join(";"), ...bookings.map(bookingLine)];
  const text = `${lines.join("\r\n")}\r\n`;
  return {
    text,
    bytes: iconv.encode(text, "win1252"),
    fileName: `EXTF_Buchungsstapel_${header.from}_${header.to}.csv`,
  };
}

function headerLine(header: DatevBatchHeader): string {
  const fields: string[] = [
    quoted("EXTF"),
    "700",
    "21",
    quoted("Buchungsstapel"),
    "13",
    timestamp(header.createdAt),
    "",
    quoted("RE"),
    quoted(""),
    quoted(""),
    String(header.consultantNumber),
    String(header.clientNumber),
    compactDate(header.fiscalYearStart),
    String(header.accountLength),
    compactDate(header.from),
    compactDate(header.to),
    quoted(header.label.slice(0, 30)),
    quoted(""),
    "1",
    "0",
    // Festschreibung 0: the adviser reviews the batch before it is fixed (GoBD fixing happens in DATEV).
    "0",
    quoted("EUR"),
    "",
    quoted(""),
    "",
    "",
    quoted(header.chartOfAccounts),
    "",
    "",
    quoted(""),
    quoted(""),
  ];
  return fields.join(";");
}

function bookingLine(booking: DatevBooking): string {
  const fields = new Array<string>(datevBookingColumns.length).fill("");
  const set = (column: (typeof datevBookingColumns)[number], value: string) => {
    fields[datevBookingColumns.indexOf(column)] = value;
  };
  set("Umsatz (ohne Soll/Haben-Kz)", decimalComma(booking.amountCents));
  set("Soll/Haben-Kennzeichen", quoted(booking.side));
  set("WKZ Umsatz", quoted("EUR"));
  set("Konto", String(booking.account));
  set("Gegenkonto (ohne BU-Schlüssel)", String(booking.contraAccount));
  set("Belegdatum", dayMonth(booking.documentDate));
  set("Belegfeld 1", quoted(documentField(booking.documentNumber)));
  set("Buchungstext", quoted(plainText(booking.text).slice(0, 60)));
  if (booking.euVatId) set("EU-Land u. UStID (Bestimmung)", quoted(booking.euVatId.slice(0, 15)));
  if (booking.orderNumber) set("Auftragsnummer", quoted(plainText(booking.orderNumber).slice(0, 30)));
  if (booking.dueDate) set("Fälligkeit", fullDate(booking.dueDate));
  return fields.join(";");
}

/** A text field: in double quotes, inner quotes doubled. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

/** No control characters (line breaks included) in a text field: DATEV refuses the line. */
function plainText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** Belegfeld 1 allows letters, digits, _ $ % - / only (the portal's expression), at most 36. */
function documentField(value: string): string {
  return value.replace(/[^A-Za-z0-9_$%\-/]/g, "").slice(0, 36);
}

/** 123456 cents → "1234,56". */
function decimalComma(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = String(cents % 100).padStart(2, "0");
  return `${whole},${rest}`;
}

/** "2026-11-05" → "0511" (TTMM). */
function dayMonth(date: string): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}`;
}

/** "2026-11-05" → "05112026" (TTMMJJJJ). */
function fullDate(date: string): string {
  return `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}`;
}

/** "2026-11-05" → "20261105" (JJJJMMTT), the header's form. */
function compactDate(date: string): string {
  return date.replaceAll("-", "");
}

/** The header's "Erzeugt am": JJJJMMTTHHMMSSFFF. */
function timestamp(moment: Date): string {
  return moment
    .toISOString()
    .replace(/[-:TZ.]/g, "")
    .slice(0, 17);
}
