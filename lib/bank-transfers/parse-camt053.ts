import { SaxesParser, type SaxesTagNS } from "saxes";
import { AppError } from "../errors/app-error";
import { parseAmountCents, type ParsedStatement, type StatementEntry } from "./bank-statement-entry";

const maxStatementDepth = 64;

const camt053Namespace = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.\d{2}$/;

interface Transaction {
  amountCents: number | null;
  currency: string | null;
  ustrd: string[];
  creditorReference: string | null;
  debtorName: string | null;
  debtorIban: string | null;
  endToEndId: string | null;
  bankReference: string | null;
}

interface Entry {
  amountCents: number | null;
  currency: string;
  direction: string;
  status: string;
  bookingDate: string;
  bankReference: string | null;
  additionalInfo: string;
  transactions: Transaction[];
}

const emptyTransaction = (): Transaction => ({
  amountCents: null,
  currency: null,
  ustrd: [],
  creditorReference: null,
  debtorName: null,
  debtorIban: null,
  endToEndId: null,
  bankReference: null,
});

/**
 * Reads a CAMT.053 bank statement (ISO 20022 BankToCustomerStatement, any version 001.02–001.13, as
 * German banks export it) with saxes, streaming, chunk by chunk: every Stmt's booked entries (Ntry with
 * Sts BOOK) with amount, currency, credit or debit, booking date and the bank's reference; an entry's
 * transaction details (NtryDtls/TxDtls: Ustrd, the structured creditor reference, Refs/EndToEndId and
 * AcctSvcrRef, the debtor's name and IBAN). A batch entry with several transactions that each carry
 * their amount becomes one entry per transaction. Elements are matched by local name inside the
 * camt.053 namespace, so prefixes do not matter. Refuses other XML (camt.052, camt.054, pain…) and
 * DOCTYPEs with a message that says what was expected.
 */
export async function parseCamt053(
  chunks: Iterable<string> | AsyncIterable<string>,
): Promise<ParsedStatement> {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  const entries: StatementEntry[] = [];
  let text = "";
  let namespaceChecked = false;
  let accountIban: string | null = null;
  let entry: Entry | null = null;
  let transaction: Transaction | null = null;
  let amountCurrency = "";
  let failure: Error | null = null;

  const within = (...names: string[]) => {
    for (let index = 0; index < names.length; index++)
      if (path[path.length - names.length + index] !== names[index]) return false;
    return true;
  };

  parser.on("doctype", () => {
    failure ??= new AppError(
      "validation_failed",
      "Bank statements with a DOCTYPE are not read: export the plain CAMT.053 file.",
    );
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (!namespaceChecked) {
      namespaceChecked = true;
      if (tag.local !== "Document" || !camt053Namespace.test(tag.uri))
        failure ??= new AppError(
          "validation_failed",
          `This is not a CAMT.053 bank statement (its root is ${tag.local} in ${tag.uri || "no namespace"}): export the account statement as CAMT.053 (camt.053.001.02 or later), not camt.052 or camt.054.`,
        );
    }
    // A statement nests about 12 deep; saxes resolves namespaces in time growing with the square of the
    // depth, so a few kilobytes of nested elements would hold the request for minutes (decision 0108).
    if (path.length >= maxStatementDepth)
      throw new AppError(
        "validation_failed",
        `This file nests its XML elements more than ${maxStatementDepth} deep, which no CAMT.053 statement does: export the account statement from the bank again.`,
      );
    path.push(tag.local);
    text = "";
    if (tag.local === "Amt") amountCurrency = tag.attributes.Ccy?.value ?? "";
    if (tag.local === "Ntry" && within("Stmt", "Ntry"))
      entry = {
        amountCents: null,
        currency: "",
        direction: "",
        status: "",
        bookingDate: "",
        bankReference: null,
        additionalInfo: "",
        transactions: [],
      };
    if (tag.local === "TxDtls" && entry) transaction = emptyTransaction();
  });
  parser.on("text", (chunk) => {
    text += chunk;
  });
  parser.on("cdata", (chunk) => {
    text += chunk;
  });
  parser.on("closetag", (tag: SaxesTagNS) => {
    const value = text.trim();
    if (tag.local === "IBAN" && within("Stmt", "Acct", "Id", "IBAN")) accountIban = value;
    if (entry && !transaction) {
      if (within("Ntry", "Amt")) {
        entry.amountCents = parseAmountCents(value);
        entry.currency = amountCurrency;
      } else if (within("Ntry", "CdtDbtInd")) entry.direction = value;
      else if (within("Ntry", "Sts") || within("Ntry", "Sts", "Cd")) entry.status = value || entry.status;
      else if (within("Ntry", "BookgDt", "Dt") || within("Ntry", "BookgDt", "DtTm"))
        entry.bookingDate = value.slice(0, 10);
      else if (within("Ntry", "AcctSvcrRef")) entry.bankReference = value;
      else if (within("Ntry", "AddtlNtryInf")) entry.additionalInfo = value;
    }
    if (transaction) {
      if (within("TxDtls", "Amt") || within("TxDtls", "AmtDtls", "TxAmt", "Amt")) {
        transaction.amountCents = parseAmountCents(value);
        transaction.currency = amountCurrency;
      } else if (within("RmtInf", "Ustrd")) transaction.ustrd.push(value);
      else if (within("CdtrRefInf", "Ref")) transaction.creditorReference = value;
      else if (within("Refs", "EndToEndId")) transaction.endToEndId = value;
      else if (within("Refs", "AcctSvcrRef")) transaction.bankReference = value;
      else if (within("RltdPties", "Dbtr", "Nm") || within("RltdPties", "Dbtr", "Pty", "Nm"))
        transaction.debtorName = value;
      else if (within("RltdPties", "DbtrAcct", "Id", "IBAN")) transaction.debtorIban = value;
    }
    if (tag.local === "TxDtls" && entry && transaction) {
      entry.transactions.push(transaction);
      transaction = null;
    }
    if (tag.local === "Ntry" && entry && !transaction) {
      entries.push(...entryToStatementEntries(entry));
      entry = null;
    }
    path.pop();
    text = "";
  });
  parser.on("error", (error) => {
    failure ??= new AppError(
      "validation_failed",
      `The bank statement is not well-formed XML: ${error.message}`,
    );
  });

  try {
    for await (const chunk of chunks) {
      parser.write(chunk);
      if (failure) throw failure;
    }
    parser.close();
  } catch (error) {
    throw failure ?? error;
  }
  if (failure) throw failure;
  if (!namespaceChecked) throw new AppError("validation_failed", "The bank statement file is empty.");
  return { format: "CAMT053", accountIban, entries };
}

/** A booked entry as one statement entry, or one per transaction of a batch whose transactions carry amounts. */
function entryToStatementEntries(entry: Entry): StatementEntry[] {
  if (entry.status && entry.status !== "BOOK") return [];
  if (entry.direction !== "CRDT" && entry.direction !== "DBIT") return [];
  const toEntry = (transaction: Transaction | undefined, amountCents: number, currency: string) => ({
    direction: entry.direction as "CRDT" | "DBIT",
    amountCents,
    currency: currency || "EUR",
    bookingDate: entry.bookingDate,
    remittanceInfo: remittanceOf(transaction, entry),
    counterpartyName: transaction?.debtorName ?? null,
    counterpartyIban: transaction?.debtorIban?.replace(/\s+/g, "") ?? null,
    endToEndId:
      transaction?.endToEndId && transaction.endToEndId !== "NOTPROVIDED" ? transaction.endToEndId : null,
    bankReference: transaction?.bankReference ?? entry.bankReference,
  });
  const batch =
    entry.transactions.length > 1 &&
    entry.transactions.every(
      (transaction) => transaction.amountCents !== null && transaction.amountCents > 0,
    );
  if (batch)
    return entry.transactions.map((transaction, index) => ({
      ...toEntry(transaction, transaction.amountCents!, transaction.currency ?? entry.currency),
      // A batch shares the entry's reference: each transaction gets its position, unless it has its own.
      bankReference:
        transaction.bankReference ?? (entry.bankReference ? `${entry.bankReference}/${index + 1}` : null),
    }));
  if (entry.amountCents === null || entry.amountCents <= 0) return [];
  return [toEntry(entry.transactions[0], entry.amountCents, entry.currency)];
}

function remittanceOf(transaction: Transaction | undefined, entry: Entry): string {
  const parts = [...(transaction?.ustrd ?? [])];
  if (transaction?.creditorReference) parts.push(transaction.creditorReference);
  // Some banks put the purpose only into the entry's additional information.
  if (parts.length === 0 && entry.additionalInfo) parts.push(entry.additionalInfo);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
