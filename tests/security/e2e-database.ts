import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedDatabaseName } from "../../lib/db/connect-database";
import { createPrismaClient, type Database } from "../../lib/db/prisma";

/**
 * The database of the server Playwright started (playwright.config.ts: embedded PostgreSQL in the temp
 * folder, named by port), for HTTP tests that must see what a request recorded. Disconnect when done.
 */
export function e2eDatabase(): Database {
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54349);
  const dataDir = path.join(os.tmpdir(), `instant-quote-e2e-postgres-${port}`);
  const password = readFileSync(`${dataDir}.password`, "utf8").trim();
  return createPrismaClient(
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${embeddedDatabaseName}`,
  );
}
