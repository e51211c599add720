import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "./generated/client";
import { preparedStatementName } from "./prepared-statement-name";
import type { Database, TransactionClient } from "./prisma";
import { pgClientRequest, pgClientsByToken, startedTransactionSlots } from "./transaction-queries-in-turn";

const clientOfTransaction = new WeakMap<TransactionClient, pg.ClientBase>();

/**
 * The pg connection a Prisma transaction runs on, for statements whose rows Prisma need not decode (issue
 * 22): through Prisma a raw statement costs about half a millisecond of Node's time besides the database's,
 * about a fifth of that on the connection itself. Its statements are the transaction's, committed or rolled
 * back with it. Send them one at a time, never beside a Prisma call still running in the same transaction;
 * values come back as pg decodes them (text, numbers, arrays; dates as local-time Date objects), not as
 * Prisma would. Found once per transaction, by a statement that reaches no database
 * (transaction-queries-in-turn.ts).
 */
export async function transactionPgClient(tx: TransactionClient): Promise<pg.ClientBase> {
  const known = clientOfTransaction.get(tx);
  if (known) return known;
  const token = randomUUID();
  await tx.$queryRawUnsafe(pgClientRequest, token);
  const client = pgClientsByToken.get(token) as pg.ClientBase | undefined;
  pgClientsByToken.delete(token);
  if (!client)
    throw new Error(
      "The transaction's pg connection was not found: its Prisma client must be made by createPrismaClient (lib/db/prisma.ts).",
    );
  clientOfTransaction.set(tx, client);
  return client;
}

/**
 * `db.$transaction(run, options)`, with the transaction's pg connection known from its start: the adapter
 * leaves it in a slot of this call's own async context as it sends BEGIN (transaction-queries-in-turn.ts),
 * so `transactionPgClient` needs no statement through Prisma to find it (decision 0123: that statement cost
 * the matcher about half a millisecond of Node's time). Where the slot stays empty (an adapter that is not
 * ours) the statement finds it as before.
 */
export function transactionWithPgClient<T>(
  db: Database,
  run: (tx: TransactionClient) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  const slot: { client?: unknown } = {};
  return startedTransactionSlots.run(slot, () =>
    db.$transaction((tx) => {
      if (slot.client && !clientOfTransaction.has(tx))
        clientOfTransaction.set(tx, slot.client as pg.ClientBase);
      return run(tx);
    }, options),
  );
}

/**
 * Runs a raw statement and returns its rows: in a transaction on its pg connection
 * (`transactionPgClient`), prepared as Prisma would prepare it (prepared-statement-name.ts); outside one
 * through Prisma. Only for statements whose values pg and Prisma give back alike: texts, whole numbers
 * and arrays of them, booleans, not dates, decimals or big integers.
 */
export async function queryRawRows<Row>(db: Database | TransactionClient, sql: Prisma.Sql): Promise<Row[]> {
  // A transaction's client has no $connect (Prisma leaves it out); it has $transaction, for nesting.
  if ("$connect" in db) return db.$queryRaw<Row[]>(sql);
  return queryTextRows<Row>(db, sql.text, sql.values as unknown[]);
}

/**
 * `queryRawRows` for a statement given as its text with `$1`… placeholders and their values, such as a
 * library builds (pg-boss's job insert, lib/jobs/enqueue-job.ts): in a transaction on its pg connection,
 * outside one through Prisma's `$queryRawUnsafe`. The same rules for values apply.
 */
export async function queryTextRows<Row>(
  db: Database | TransactionClient,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  if ("$connect" in db) return db.$queryRawUnsafe<Row[]>(text, ...values);
  const client = await transactionPgClient(db);
  const name = preparedStatementName({ sql: text }) || undefined;
  const result = await client.query<Row & pg.QueryResultRow>({ name, text, values: values as unknown[] });
  return result.rows;
}
