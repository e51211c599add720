import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  buildDatevBookingBatch,
  type DatevBatchHeader,
  type DatevBooking,
} from "./build-datev-booking-batch";
import { datevBookingsForInvoices, type InvoiceForDatev } from "./datev-bookings-for-invoices";
import { datevBookingRules, datevFileRules, datevHeaderRules } from "./datev-format-rules";

const header: DatevBatchHeader = {
  consultantNumber: 29098,
  clientNumber: 55003,
  fiscalYearStart: "2026-01-01",
  accountLength: 4,
  from: "2026-11-01",
  to: "2026-11-30",
  label: "Rechnungen 2026-11-01 bis 2026-11-30",
  chartOfAccounts: "03",
  createdAt: new Date("2026-12-01T08:30:00.123Z"),
};

const invoice = (overrides: Partial<InvoiceForDatev>): InvoiceForDatev => ({
  number: "INV-2026-000042",
  kind: "BUYER_INVOICE",
  totalCents: 119_000,
  vatCents: 19_000,
  issuedAt: new Date("2026-11-05T10:00:00Z"),
  dueAt: new Date("2026-12-05T00:00:00Z"),
  note: null,
  supplierVatTreatment: null,
  supplierVatId: null,
  company: { name: 'Müller "Feinmechanik" GmbH', datevAccountNumber: 10001 },
  order: { number: "Q-2026-000123", vatTreatment: "GERMAN_VAT", vatNumber: null },
  ...overrides,
});

const bookings: DatevBooking[] = datevBookingsForInvoices([
  invoice({}),
  invoice({ number: "CN-2026-000007", kind: "CREDIT_NOTE", totalCents: 11_900, vatCents: 1_900 }),
  invoice({
    number: "INV-2026-000043",
    vatCents: 0,
    totalCents: 50_000,
    company: { name: "Acme B.V.", datevAccountNumber: 10002 },
    order: { number: "Q-2026-000124", vatTreatment: "REVERSE_CHARGE", vatNumber: "NL123456789B01" },
  }),
  invoice({
    number: "SB-2026-000011",
    kind: "SELF_BILLING",
    totalCents: 83_300,
    vatCents: 13_300,
    supplierVatTreatment: "GERMAN_VAT",
    company: { name: "Müller CNC", datevAccountNumber: 70001 },
  }),
  invoice({ number: "INV-2026-000044", totalCents: 0, vatCents: 0 }),
]);

const batch = buildDatevBookingBatch(header, bookings);
const lines = batch.text.split(datevFileRules.lineEnd).slice(0, -1);
const fieldsOf = (line: string) => line.split(datevFileRules.separator);

describe("the DATEV posting batch, checked against DATEV's format description (datev-format-rules.ts)", () => {
  it("ends every line with CR LF and has a header, the column headings and one line per document", () => {
    expect(batch.text.endsWith("\r\n")).toBe(true);
    expect(batch.text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    // Four documents; the 0 € invoice is left out.
    expect(lines).toHaveLength(2 + 4);
  });

  it("writes the header's 31 fields, each matching the portal's expression", () => {
    const fields = fieldsOf(lines[0]!);
    expect(fields).toHaveLength(datevFileRules.headerFieldCount);
    for (const [position, expression] of Object.entries(datevHeaderRules))
      expect(fields[Number(position) - 1], `header field ${position}`).toMatch(expression);
    expect(fields.slice(10, 16)).toEqual(["29098", "55003", "20260101", "4", "20261101", "20261130"]);
  });

  it("writes 125 column headings and 125 fields on every posting, each matching the portal's expression", () => {
    expect(fieldsOf(lines[1]!)).toHaveLength(datevFileRules.bookingFieldCount);
    for (const line of lines.slice(2)) {
      // Quoted text holds no ";" here, so splitting is exact; the test would see a stray separator.
      const fields = fieldsOf(line);
      expect(fields).toHaveLength(datevFileRules.bookingFieldCount);
      for (const [position, rule] of Object.entries(datevBookingRules)) {
        const value = fields[Number(position) - 1]!;
        if (value === "" && !rule.required) continue;
        expect(value, `field ${position} of ${line.slice(0, 60)}`).toMatch(rule.expression);
      }
    }
  });

  it("books an invoice on the debit side of the buyer's debtor against 19 % revenue, in decimal comma", () => {
    const fields = fieldsOf(lines[2]!);
    expect(fields.slice(0, 3)).toEqual(["1190,00", '"S"', '"EUR"']);
    expect(fields.slice(6, 11)).toEqual(["10001", "8400", "", "0511", '"INV-2026-000042"']);
    // A quote inside a text field is doubled.
    expect(fields[13]).toBe('"Rechnung Q-2026-000123 Müller ""Feinmechanik"" GmbH"');
    expect(fields[116]).toBe("05122026");
  });

  it("books a credit note on the credit side, an EU reverse-charge invoice on 8125 with the VAT ID, a partner's self-billing invoice on the creditor", () => {
    expect(fieldsOf(lines[3]!).slice(0, 8)).toEqual(["119,00", '"H"', '"EUR"', "", "", "", "10001", "8400"]);
    const reverseCharge = fieldsOf(lines[4]!);
    expect([reverseCharge[7], reverseCharge[39]]).toEqual(["8125", '"NL123456789B01"']);
    expect(fieldsOf(lines[5]!).slice(0, 8)).toEqual(["833,00", '"H"', '"EUR"', "", "", "", "70001", "3400"]);
  });

  it("encodes the file as Windows-1252, as DATEV's posting import expects", () => {
    expect(iconv.decode(batch.bytes, "win1252")).toBe(batch.text);
    // "ü" is one byte 0xFC in Windows-1252 (two bytes in UTF-8).
    expect(batch.bytes.includes(Buffer.from([0xfc]))).toBe(true);
    expect(batch.bytes.includes(Buffer.from("ü", "utf8"))).toBe(false);
    expect(batch.fileName).toBe("EXTF_Buchungsstapel_2026-11-01_2026-11-30.csv");
  });

  it("keeps document numbers and texts within DATEV's characters and lengths", () => {
    const [line] = buildDatevBookingBatch(header, [
      {
        ...bookings[0]!,
        documentNumber: "INV 2026 / 000042 ünd mehr Zeichen als sechsunddreißig erlaubt",
        text: `Zeile eins\nZeile zwei ${"x".repeat(80)}`,
      },
    ])
      .text.split("\r\n")
      .slice(2);
    const fields = fieldsOf(line!);
    expect(fields[10]).toMatch(datevBookingRules[11]!.expression);
    expect(fields[13]).toMatch(datevBookingRules[14]!.expression);
    expect(fields[13]).not.toContain("\n");
  });
});
