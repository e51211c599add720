import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";

/**
 * The journeys' own database, which playwright.config.ts starts under the temp folder (named by its
 * port, with the password beside it). Journeys use it to move time, never to set up what the app's pages
 * can: the app has no test-only route.
 */
function e2eDatabaseUrl(): string {
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54349);
  const dataDir = path.join(os.tmpdir(), `instant-quote-e2e-postgres-${port}`);
  const password = readFileSync(`${dataDir}.password`, "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/marketplace`;
}

/**
 * Time moves past an order's complaint windows: its delivered lines arrived `days` earlier and their
 * payouts fell due a minute ago, as if the calendar had moved on. Returns how many payouts it moved.
 */
export async function moveComplaintWindowsPast(orderNumber: string, days: number): Promise<number> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `UPDATE "OrderLine" l SET "deliveredAt" = l."deliveredAt" - make_interval(days => $2::int)
         FROM "Order" o WHERE o."id" = l."orderId" AND o."number" = $1 AND l."deliveredAt" IS NOT NULL`,
      [orderNumber, days],
    );
    const moved = await client.query(
      `UPDATE "Payout" p SET "dueAt" = now() - interval '1 minute'
         FROM "Order" o WHERE o."id" = p."orderId" AND o."number" = $1 AND p."dueAt" IS NOT NULL`,
      [orderNumber],
    );
    return moved.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Sends a job to the app's running worker through its queue, as its hourly schedule would. */
export async function runJobNow(name: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: e2eDatabaseUrl(),
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    await boss.send(name, {});
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
  }
}

/**
 * The e-mail of the admin of the partner that holds an order's pending offer, waiting up to `timeoutMs`
 * for the matcher to send it. Read only: which partner ranks first depends on what earlier journeys did
 * to the partners' records (a rejection lowers a partner's score), so journeys that only need "the
 * partner of this job" ask instead of assuming the demo partner.
 */
export async function supplierHoldingOfferOf(orderNumber: string, timeoutMs = 30_000): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await client.query<{ email: string }>(
        `SELECT u."email" FROM "Offer" f
           JOIN "OrderLine" l ON l."id" = f."orderLineId"
           JOIN "Order" o ON o."id" = l."orderId"
           JOIN "User" u ON u."companyId" = f."supplierCompanyId" AND u."role" = 'SUPPLIER_ADMIN'
          WHERE o."number" = $1 AND f."status" = 'PENDING'
          ORDER BY u."createdAt" LIMIT 1`,
        [orderNumber],
      );
      if (found.rows[0]) return found.rows[0].email;
      if (Date.now() > deadline)
        throw new Error(`No partner was offered order ${orderNumber} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}
