import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";

type DriverAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<DriverAdapter["startTransaction"]>>;

/** The transaction's calls that talk to its connection; each waits for the one before to finish. */
const connectionCalls = new Set<PropertyKey>([
  "queryRaw",
  "executeRaw",
  "createSavepoint",
  "rollbackToSavepoint",
  "releaseSavepoint",
  "commit",
  "rollback",
]);

/**
 * A driver adapter whose transactions send their statements one after another. A transaction holds one
 * pg connection, but Prisma's query plans load a read's relations with `Promise.all` (the `join` node;
 * prisma/orm#29407), and our code may too: pg queues the overlapping calls, warns "Calling
 * client.query() when the client is already executing a query" (8.19 and later), and pg 9 refuses them.
 * Statements outside transactions stay parallel: each takes its own connection from the pool.
 */
export function withTransactionQueriesInTurn(factory: PrismaPg): PrismaPg {
  return new Proxy(factory, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key === "connect") {
        return async () => inTurnAdapter(await target.connect());
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function inTurnAdapter(adapter: DriverAdapter): DriverAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key === "startTransaction") {
        return async (...args: Parameters<DriverAdapter["startTransaction"]>) => {
          const transaction = await target.startTransaction(...args);
          // A transaction started by transactionWithPgClient (transaction-pg-client.ts): hand it its
          // connection. The first start in the slot's context is that call's own (it starts nothing else first).
          const slot = startedTransactionSlots.getStore();
          if (slot && !slot.client) slot.client = (transaction as unknown as { client: unknown }).client;
          return inTurnTransaction(transaction);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * A statement that reaches no database: it hands the transaction's pg connection to
 * `transactionPgClient` (transaction-pg-client.ts) under the token given as its one argument.
 */
export const pgClientRequest = "/* the transaction's pg client */ SELECT 1";
/**
 * Kept on globalThis: Next bundles this module into more than one server layer, each with its own copy,
 * while the Prisma client (and so the adapter that fills this map) is one per process (prisma.ts); a
 * module-level map would leave the copy that asks empty.
 */
const globalForTokens = globalThis as unknown as { transactionPgClientsByToken?: Map<string, unknown> };
export const pgClientsByToken = (globalForTokens.transactionPgClientsByToken ??= new Map<string, unknown>());

/**
 * Where a transaction started in its context leaves its pg connection (transactionWithPgClient): one slot
 * per `$transaction` call, so concurrent transactions never see each other's. On globalThis for the reason
 * above.
 */
const globalForSlots = globalThis as unknown as {
  startedTransactionSlots?: AsyncLocalStorage<{ client?: unknown }>;
};
export const startedTransactionSlots = (globalForSlots.startedTransactionSlots ??= new AsyncLocalStorage<{
  client?: unknown;
}>());

function inTurnTransaction(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  return new Proxy(transaction, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key === "queryRaw") {
        const queryRaw = value as Transaction["queryRaw"];
        const inTurn = (query: Parameters<Transaction["queryRaw"]>[0]) => {
          if (query.sql !== pgClientRequest) return queryRaw.call(target, query);
          pgClientsByToken.set(String(query.args[0]), (target as unknown as { client: unknown }).client);
          return Promise.resolve({ columnNames: [], columnTypes: [], rows: [] });
        };
        return (query: Parameters<Transaction["queryRaw"]>[0]) => {
          const result = previous.then(
            () => inTurn(query),
            () => inTurn(query),
          );
          previous = result.catch(() => undefined);
          return result;
        };
      }
      if (typeof value !== "function") return value;
      const method = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      if (!connectionCalls.has(key)) return method;
      return (...args: unknown[]) => {
        // A failed statement must not stop the ones queued behind it: they fail or run on their own.
        const result = previous.then(
          () => method(...args),
          () => method(...args),
        );
        previous = result.catch(() => undefined);
        return result;
      };
    },
  });
}
