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

/** One offer of an order, as the journeys need it: the partner's name, its admin's sign-in, the answer. */
export interface OrderOffer {
  supplierName: string;
  email: string;
  status: string;
}

/**
 * An order's offers, oldest first, once `ready` holds for them (waiting up to `timeoutMs` for the matcher,
 * a background job). Read only: which partner ranks first depends on what earlier journeys did to the
 * partners' records (a rejection lowers a partner's score), so journeys ask instead of assuming the demo
 * partner or reading names out of the page's text.
 */
export async function offersOf(
  orderNumber: string,
  ready: (offers: OrderOffer[]) => boolean,
  timeoutMs = 30_000,
): Promise<OrderOffer[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<OrderOffer>(
        `SELECT c."name" AS "supplierName", f."status",
                (SELECT u."email" FROM "User" u WHERE u."companyId" = c."id" AND u."role" = 'SUPPLIER_ADMIN'
                  ORDER BY u."createdAt" LIMIT 1) AS "email"
           FROM "Offer" f
           JOIN "Company" c ON c."id" = f."supplierCompanyId"
           JOIN "OrderLine" l ON l."id" = f."orderLineId"
           JOIN "Order" o ON o."id" = l."orderId"
          WHERE o."number" = $1
          ORDER BY f."createdAt", f."id"`,
        [orderNumber],
      );
      if (ready(rows)) return rows;
      if (Date.now() > deadline)
        throw new Error(
          `Order ${orderNumber}'s offers did not reach the awaited state within ${timeoutMs} ms: ${JSON.stringify(rows)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
}

/** The sign-in of the partner that holds an order's pending offer, once the matcher has sent it. */
export async function supplierHoldingOfferOf(orderNumber: string, timeoutMs = 30_000): Promise<string> {
  const offers = await offersOf(
    orderNumber,
    (found) => found.some((offer) => offer.status === "PENDING"),
    timeoutMs,
  );
  return offers.find((offer) => offer.status === "PENDING")!.email;
}
