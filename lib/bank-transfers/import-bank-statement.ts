import { createHash } from "node:crypto";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { applyBankPayment } from "./apply-bank-payment";
import type { ParsedStatement } from "./bank-statement-entry";
import { entryKeys } from "./entry-key";
import { findOrderForEntry } from "./find-order-for-entry";
import { parseBankCsv } from "./parse-bank-csv";
import { parseCamt053 } from "./parse-camt053";
import { uploadFileRules } from "../forms/upload-file-rules";

/** A day's statement of a busy account is a few hundred KB; this is far above and far below trouble. */
export const maxStatementBytes = uploadFileRules.bankStatement.maxBytes;

export interface StatementFile {
  name: string;
  size: number;
  /** The file's text, chunk by chunk (an upload's stream, decoded). */
  chunks: AsyncIterable<string> | Iterable<string>;
}

export interface StatementImport {
  statementId: string | null;
  format: ParsedStatement["format"];
  credits: number;
  alreadyImported: number;
  debitsIgnored: number;
  paid: number;
  partial: number;
  overpaid: number;
  unmatched: number;
}

/**
 * Operations upload a bank statement: a CAMT.053 file (XML) or the simple CSV. Its credit entries are
 * recorded, each under its unique key (lib/bank-transfers/entry-key.ts), and matched to orders by the
 * reference in their remittance information; debits are counted and ignored. Entries an earlier
 * statement brought are skipped, so the same or an overlapping statement uploaded again changes
 * nothing. All of a statement in one transaction (imports take turns through an advisory lock), with an
 * audit log entry for the statement and one per booked payment.
 */
export async function importBankStatement(
  db: Database,
  operator: { userId: string },
  file: StatementFile,
  now = new Date(),
): Promise<StatementImport> {
  if (file.size === 0) throw new AppError("validation_failed", "Choose the bank statement file to upload.");
  if (file.size > maxStatementBytes)
    throw new AppError(
      "payload_too_large",
      `The statement is larger than ${maxStatementBytes / 1024 / 1024} MB: export a shorter period.`,
    );
  const { statement, text } = await readStatement(file);
  const credits = statement.entries.filter((entry) => entry.direction === "CRDT");
  const keys = entryKeys(credits);
  const debitsIgnored = statement.entries.length - credits.length;
  const result: StatementImport = {
    statementId: null,
    format: statement.format,
    credits: credits.length,
    alreadyImported: 0,
    debitsIgnored,
    paid: 0,
    partial: 0,
    overpaid: 0,
    unmatched: 0,
  };
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('BankStatementImport'))`;
      const known = new Set(
        (
          await tx.bankStatementEntry.findMany({
            where: { entryKey: { in: keys } },
            select: { entryKey: true },
          })
        ).map((row) => row.entryKey),
      );
      const fresh = credits
        .map((entry, index) => ({ entry, key: keys[index]! }))
        .filter(({ key }) => !known.has(key));
      result.alreadyImported = credits.length - fresh.length;
      if (fresh.length === 0) return result;
      const saved = await tx.bankStatement.create({
        data: {
          format: statement.format,
          fileName: file.name.slice(0, 200),
          sha256: createHash("sha256").update(text).digest("hex"),
          accountIban: statement.accountIban,
          uploadedById: operator.userId,
          creditsRead: credits.length,
          creditsNew: fresh.length,
          debitsIgnored,
        },
      });
      result.statementId = saved.id;
      for (const { entry, key } of fresh) {
        const row = await tx.bankStatementEntry.create({
          data: {
            entryKey: key,
            statementId: saved.id,
            bookingDate: new Date(`${entry.bookingDate}T00:00:00Z`),
            amountCents: entry.amountCents,
            currency: entry.currency,
            remittanceInfo: entry.remittanceInfo.slice(0, 1000),
            counterpartyName: entry.counterpartyName,
            counterpartyIban: entry.counterpartyIban,
            endToEndId: entry.endToEndId,
            bankReference: entry.bankReference,
            outcome: "UNMATCHED",
          },
        });
        const orderId = await findOrderForEntry(tx, entry);
        if (!orderId) {
          result.unmatched++;
          continue;
        }
        const applied = await applyBankPayment(tx, row, orderId, operator.userId, now);
        if (applied.outcome === "PAID") result.paid++;
        else if (applied.outcome === "PARTIAL") result.partial++;
        else result.overpaid++;
      }
      await recordAuditLog(tx, {
        actorUserId: operator.userId,
        action: "bank-statement.imported",
        entityType: "BankStatement",
        entityId: saved.id,
        data: { fileName: saved.fileName, ...result },
      });
      return result;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/** CAMT.053 when the file is XML, the simple CSV otherwise. */
async function readStatement(file: StatementFile): Promise<{ statement: ParsedStatement; text: string }> {
  const seen: string[] = [];
  async function* remembering() {
    for await (const chunk of file.chunks) {
      seen.push(chunk);
      yield chunk;
    }
  }
  const chunks = remembering();
  const first = await chunks.next();
  if (first.done) throw new AppError("validation_failed", "The bank statement file is empty.");
  const head = first.value.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) {
    const statement = await parseCamt053(
      (async function* () {
        yield first.value;
        yield* chunks;
      })(),
    );
    return { statement, text: seen.join("") };
  }
  for await (const _chunk of chunks) {
    // remembering() keeps every chunk: the CSV is read whole.
  }
  const text = seen.join("");
  return { statement: parseBankCsv(text), text };
}
