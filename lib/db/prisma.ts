import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { preparedStatementName } from "./prepared-statement-name";
import { withTransactionQueriesInTurn } from "./transaction-queries-in-turn";

export type Database = PrismaClient;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

/**
 * The driver adapter for one database URL: a pool of ten connections, on which statements marked as
 * prepared (prepared-statement-name.ts) are prepared once per connection, and a transaction's statements
 * are sent one after another.
 */
export function createDriverAdapter(databaseUrl: string): PrismaPg {
  return withTransactionQueriesInTurn(
    new PrismaPg({ connectionString: databaseUrl, max: 10 }, { statementNameGenerator: preparedStatementName }),
  );
}

/** Creates a client for one database URL; tests and scripts use this, the app uses `getPrisma()`. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createDriverAdapter(databaseUrl) });
}

/**
 * The process-wide client. DATABASE_URL is set by the start script (embedded PostgreSQL) or by the
 * operator (external PostgreSQL). Kept on globalThis so Next's module reloading in development and the
 * app and worker sharing one process never open a second pool.
 */
export function getPrisma(): PrismaClient {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start`, which starts the embedded PostgreSQL " +
        "and sets it, or set DATABASE_URL to an external PostgreSQL.",
    );
  }
  if (!globalForPrisma.prisma || globalForPrisma.prismaUrl !== databaseUrl) {
    globalForPrisma.prisma = createPrismaClient(databaseUrl);
    globalForPrisma.prismaUrl = databaseUrl;
  }
  return globalForPrisma.prisma;
}

export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
