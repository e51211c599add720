import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCamt053 } from "./parse-camt053";

const fixture = (name: string) => readFileSync(`tests/fixtures/bank-statements/${name}`, "utf8");

/** Feeds the text in small pieces, as a stream from an upload does. */
function* inChunks(text: string, size = 97) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

describe("parseCamt053", () => {
  it("reads a camt.053.001.02 file with two statements, a credit and a debit (genkgo/camt sample)", async () => {
    const statement = await parseCamt053(inChunks(fixture("genkgo-camt053.v2.multi.statement.xml")));
    expect(statement.accountIban).toBe("NL26VAYB8060476890");
    expect(statement.entries).toEqual([
      expect.objectContaining({
        direction: "CRDT",
        amountCents: 885,
        currency: "EUR",
        bookingDate: "2014-12-31",
        remittanceInfo: "Transaction Description 1",
        endToEndId: "000000001",
      }),
      expect.objectContaining({
        direction: "DBIT",
        amountCents: 700,
        remittanceInfo: "Transaction Description 2",
      }),
    ]);
  });

  it("reads a camt.053.001.08 file: Sts/Cd, BookgDt/DtTm, AcctSvcrRef, Dbtr/Pty, creditor reference", async () => {
    const statement = await parseCamt053(inChunks(fixture("genkgo-camt053.v8.xml"), 13));
    expect(statement.entries).toEqual([
      {
        direction: "CRDT",
        amountCents: 885,
        currency: "EUR",
        bookingDate: "2014-12-31",
        remittanceInfo: "4654654654654654",
        counterpartyName: "NAME NAME",
        counterpartyIban: "NL56AGDH9619008421",
        endToEndId: "MUELL/FINP/RA12345",
        bankReference: "AAAASESS-FP-CN_98765/01",
      },
    ]);
  });

  it("splits a batch entry into its transactions and skips entries not booked", async () => {
    const xml = `<?xml version="1.0"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><c:BkToCstmrStmt><c:Stmt>
<c:Acct><c:Id><c:IBAN>DE89370400440532013000</c:IBAN></c:Id></c:Acct>
<c:Ntry><c:Amt Ccy="EUR">300.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>BOOK</c:Sts>
<c:BookgDt><c:Dt>2026-12-07</c:Dt></c:BookgDt><c:AcctSvcrRef>BATCH-1</c:AcctSvcrRef>
<c:NtryDtls>
<c:TxDtls><c:AmtDtls><c:TxAmt><c:Amt Ccy="EUR">100.00</c:Amt></c:TxAmt></c:AmtDtls>
<c:RmtInf><c:Ustrd>first</c:Ustrd><c:Ustrd>line two</c:Ustrd></c:RmtInf></c:TxDtls>
<c:TxDtls><c:AmtDtls><c:TxAmt><c:Amt Ccy="EUR">200.00</c:Amt></c:TxAmt></c:AmtDtls>
<c:RmtInf><c:Ustrd>second</c:Ustrd></c:RmtInf></c:TxDtls>
</c:NtryDtls></c:Ntry>
<c:Ntry><c:Amt Ccy="EUR">5.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Sts>PDNG</c:Sts>
<c:BookgDt><c:Dt>2026-12-07</c:Dt></c:BookgDt></c:Ntry>
</c:Stmt></c:BkToCstmrStmt></c:Document>`;
    const statement = await parseCamt053([xml]);
    expect(statement.accountIban).toBe("DE89370400440532013000");
    expect(
      statement.entries.map((entry) => [entry.amountCents, entry.remittanceInfo, entry.bankReference]),
    ).toEqual([
      [10000, "first line two", "BATCH-1/1"],
      [20000, "second", "BATCH-1/2"],
    ]);
  });

  it("refuses other messages, broken XML and DOCTYPEs with what to export instead", async () => {
    await expect(
      parseCamt053(['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><x/></Document>']),
    ).rejects.toThrow(/not a CAMT.053 bank statement/);
    await expect(
      parseCamt053(['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>']),
    ).rejects.toThrow(/not well-formed XML/);
    await expect(
      parseCamt053([
        '<!DOCTYPE x [<!ENTITY a "b">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>',
      ]),
    ).rejects.toThrow(/DOCTYPE/);
  });

  it("refuses elements nested deeper than any statement before reading them all (quadratic in saxes)", async () => {
    const depth = 3_000;
    const nested = `<a xmlns:p${depth}="urn:x">`.repeat(depth) + "</a>".repeat(depth);
    const document = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${nested}</Document>`;
    await expect(parseCamt053([document])).rejects.toThrow(/nests its XML elements more than 64 deep/);
  });
});
