import { describe, expect, it } from "vitest";
import { parseAmountCents } from "./bank-statement-entry";
import { parseBankCsv } from "./parse-bank-csv";

describe("parseAmountCents", () => {
  it.each([
    ["1234.56", 123456],
    ["1.234,56", 123456],
    ["1234,5", 123450],
    ["-12,00", -1200],
    ["1.234", 123400],
    ["0,01", 1],
    ["€ 99,90", 9990],
  ])("%s → %i cents", (text, cents) => expect(parseAmountCents(text)).toBe(cents));

  it("refuses what is no amount", () => {
    for (const text of ["", "abc", "12,3,4", "1..2"]) expect(parseAmountCents(text), text).toBeNull();
  });
});

describe("parseBankCsv", () => {
  it("reads a German export: semicolons, decimal commas, quoted fields, German headers", () => {
    const statement = parseBankCsv(
      [
        "Buchungstag;Betrag;Währung;Verwendungszweck;Name;IBAN;Bankreferenz",
        '05.12.2026;"1.190,00";EUR;"RF46 2026 0001 23; danke";Acme Robotics GmbH;DE02 1203 0000 0000 2020 51;B-1',
        "06.12.2026;-49,90;EUR;Kontogebühr;;;B-2",
      ].join("\r\n"),
    );
    expect(statement.entries).toEqual([
      {
        direction: "CRDT",
        amountCents: 119000,
        currency: "EUR",
        bookingDate: "2026-12-05",
        remittanceInfo: "RF46 2026 0001 23; danke",
        counterpartyName: "Acme Robotics GmbH",
        counterpartyIban: "DE02120300000000202051",
        endToEndId: null,
        bankReference: "B-1",
      },
      expect.objectContaining({ direction: "DBIT", amountCents: 4990, bookingDate: "2026-12-06" }),
    ]);
  });

  it("reads the minimal English form with commas", () => {
    const statement = parseBankCsv("date,amount,reference\n2026-12-05,100.50,Q-2026-000123\n");
    expect(statement.entries).toEqual([
      expect.objectContaining({ amountCents: 10050, currency: "EUR", remittanceInfo: "Q-2026-000123" }),
    ]);
  });

  it("names the row and column to fix", () => {
    expect(() => parseBankCsv("date;amount\n2026-12-05;1,00")).toThrow(/no "reference" column/);
    expect(() => parseBankCsv("date;amount;reference\n31.13.x;1,00;x")).toThrow(
      /Row 2: "31.13.x" is not a date/,
    );
    expect(() => parseBankCsv("date;amount;reference\n2026-12-05;zehn;x")).toThrow(
      /Row 2: "zehn" is not an amount/,
    );
  });
});
