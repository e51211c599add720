import { encryptWebhookSecret, webhookSecretStartOf } from "@/lib/webhooks/webhook-secret-cipher";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { startJobQueue } from "../../lib/jobs/job-queue";
import { loadLineCandidates } from "../../lib/matching/load-line-candidates";
import { lockLineToMatch } from "../../lib/matching/lock-line-to-match";
import { matchOrderLine } from "../../lib/matching/match-order-line";
import { seedDatabase } from "../../prisma/seed";
import { anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { createTestDatabase } from "./setup/test-database";

// Issue 22 (decision 0064): the matcher's statements are prepared once per connection, and a match writes
// its offer and the supplier's webhook event in one statement.
describe("the matcher's statements", () => {
  let url: string;
  let db: Database;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = createPrismaClient(url);
    await seedDatabase(db);
    await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
    const queue = await startJobQueue(url, pino({ level: "silent" }));
    await queue.stop();
  });

  afterAll(async () => {
    await db?.$disconnect();
  });

  /** Until some statement waits for a lock the connection with PostgreSQL process `pid` holds. */
  async function waitUntilBlockedBy(pid: number): Promise<void> {
    for (let waited = 0; waited <= 10_000; waited += 20) {
      const [waiting] = await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS "count" FROM pg_stat_activity WHERE ${pid}::int = ANY (pg_blocking_pids("pid"))`;
      if (waiting!.count > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("Nothing waited for the other transaction's lock within 10 s");
  }

  /** Records the text of every statement sent on a pg connection until `stop`. */
  function recordStatements(): { statements: string[]; stop: () => void } {
    const statements: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config] = args as [string | { text: string }];
      statements.push(typeof config === "string" ? config : config.text);
      return (query as (...args: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    return { statements, stop: () => (pg.Client.prototype.query = query) };
  }

  it("prepares the candidate read once per connection and reuses it", async () => {
    const { line } = await placeAcmeOrder(db, {});
    const prepared = await db.$transaction(async (tx) => {
      const locked = await lockLineToMatch(tx, line.id);
      const now = new Date();
      const first = await loadLineCandidates(tx, locked!, now);
      const second = await loadLineCandidates(tx, locked!, now);
      expect(second.candidates).toEqual(first.candidates);
      return tx.$queryRaw<{ statement: string }[]>`SELECT "statement" FROM pg_prepared_statements`;
    });
    const candidateReads = prepared.filter((row) => row.statement.includes('FROM "SupplierMatchCard" card'));
    expect(candidateReads).toHaveLength(1);
  });

  it("writes the offer, its reservations, the line's move and the webhook event in one statement", async () => {
    const { line } = await placeAcmeOrder(db, {});
    // Every milling supplier has an endpoint for offers, so whoever gets this one has a delivery due.
    const suppliers = await db.company.findMany({
      where: { kind: "SUPPLIER", supplierProcesses: { some: { process: "CNC_MILLING" } } },
      select: { id: true },
    });
    await db.webhookEndpoint.createMany({
      data: suppliers.map((supplier) => ({
        companyId: supplier.id,
        url: `https://hooks.example/${supplier.id}`,
        events: ["offer.received"],
        secretCiphertext: encryptWebhookSecret("whsec_test"),
        secretStart: webhookSecretStartOf("whsec_test"),
        createdByUserId: anna.userId,
      })),
    });
    // Every statement sent on a pg connection, through Prisma or on the transaction's connection directly
    // (decision 0074, follow-up 2).
    const { statements, stop } = recordStatements();
    try {
      const outcome = await matchOrderLine(db, line.id, "statements test");
      expect(outcome.kind).toBe("offered");
      if (outcome.kind !== "offered") return;

      const offerWrites = statements.filter((sql) => sql.includes('INSERT INTO "Offer"'));
      expect(offerWrites).toHaveLength(1);
      for (const table of [
        "CapacityReservation",
        "MatchDecision",
        "AuditLogEntry",
        "WebhookEvent",
        "WebhookDelivery",
      ])
        expect(offerWrites[0]).toContain(`INSERT INTO "${table}"`);
      expect(statements.filter((sql) => sql.includes('INSERT INTO "WebhookEvent"'))).toHaveLength(1);
      // Decision 0123: the chosen partner's capacity is locked by the offer's own statement.
      expect(offerWrites[0]).toContain("lock_supplier_capacity_if_card_unchanged");
      expect(statements.filter((sql) => sql.includes("lock_and_count_supplier_capacity"))).toEqual([]);
      // So is the offer's expiry job, due at its deadline; no statement of its own sends it.
      expect(offerWrites[0]).toContain("INSERT INTO pgboss.job");
      const expiryJobs = await db.$queryRaw<{ startAfter: Date }[]>`
        SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = 'offers.expire' AND start_after = ${outcome.expiresAt}`;
      expect(expiryJobs).toHaveLength(1);
      // BEGIN, the line's lock and read (one round trip), the candidates' read, and then the offer.
      expect(statements.findIndex((sql) => sql.includes('INSERT INTO "Offer"'))).toBe(3);

      const event = await db.webhookEvent.findFirstOrThrow({
        where: { companyId: outcome.supplierCompanyId, type: "offer.received" },
        include: { deliveries: true },
      });
      expect(event.data).toMatchObject({ offerId: outcome.offerId, orderLineId: line.id });
      expect(event.deliveries).toHaveLength(1);
      const jobs = await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS "count" FROM pgboss.job
         WHERE name = 'webhooks.deliver' AND data->>'deliveryId' = ${event.deliveries[0]!.id}`;
      expect(jobs[0]!.count).toBe(1);
    } finally {
      stop();
    }
  });

  // Decision 0124: every partner has people to e-mail; the job that sends the offer's e-mails and the
  // NOTIFY that wakes its worker were two statements after the offer's (four round trips with enqueueJobs).
  it("writes the offer's e-mail job in the offer's statement and wakes the e-mail worker at its commit", async () => {
    await db.webhookEndpoint.deleteMany({});
    const { line } = await placeAcmeOrder(db, {});
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    const woken: string[] = [];
    listener.on("notification", (message) => {
      if (message.channel === "job_sent") woken.push(message.payload ?? "");
    });
    await listener.query("LISTEN job_sent");
    const emailJobs = async () =>
      (
        await db.$queryRaw<
          { count: number }[]
        >`SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'emails.deliver' AND state = 'created'`
      )[0]!.count;
    const emailJobsBefore = await emailJobs();
    const { statements, stop } = recordStatements();
    try {
      const outcome = await matchOrderLine(db, line.id, "e-mail job test");
      expect(outcome.kind).toBe("offered");
      if (outcome.kind !== "offered") return;
      const offerStatement = statements.findIndex((sql) => sql.includes('INSERT INTO "Offer"'));
      // After the offer's statement only the commit: no job insert, no NOTIFY of their own.
      expect(statements.slice(offerStatement + 1).filter((sql) => !/^\s*COMMIT/i.test(sql))).toEqual([]);
      const users = await db.user.count({ where: { companyId: outcome.supplierCompanyId, disabledAt: null } });
      expect(users).toBeGreaterThan(0);
      expect(await emailJobs()).toBe(emailJobsBefore + 1);
      for (let waited = 0; waited < 5_000 && !woken.includes("emails.deliver"); waited += 20)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(woken.filter((name) => name === "emails.deliver")).toHaveLength(1);
    } finally {
      stop();
      await listener.end();
    }
  });

  // Decision 0123: the line's lock and its read are one round trip, and the read still starts once the
  // lock is held: what the lock's previous holder committed about the order is what the matcher reads.
  it("reads the line after its lock, with what the lock's previous holder committed", async () => {
    const { order, line } = await placeAcmeOrder(db, {});
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const otherPid = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await other.query("BEGIN");
      await other.query(`SELECT 1 FROM "OrderLine" WHERE "id" = $1 FOR UPDATE`, [line.id]);
      await other.query(`UPDATE "Order" SET "requiredCountryCode" = 'IT' WHERE "id" = $1`, [order.id]);
      const read = db.$transaction((tx) => lockLineToMatch(tx, line.id));
      await waitUntilBlockedBy(otherPid);
      await other.query("COMMIT");
      expect((await read)?.order.requiredCountryCode).toBe("IT");
    } finally {
      await other.end();
    }
  });

  // Decision 0123: the offer's statement writes only while the partner's match card is the version the
  // ranking read. Here the partner's weekly hours change after the read, in a transaction that holds its
  // capacity row until the match waits for it: the match must count again and not book hours that are gone.
  it("counts a partner's hours again under its lock when its card changed after the ranking read it", async () => {
    const { line } = await placeAcmeOrder(db, { requiredCountryCode: "DE" });
    const expiryJobs = async () =>
      (
        await db.$queryRaw<
          { count: number }[]
        >`SELECT count(*)::int AS "count" FROM pgboss.job WHERE name = 'offers.expire'`
      )[0]!.count;
    const expiryJobsBefore = await expiryJobs();
    const mueller = { companyId: "seed_company_mueller", process: "CNC_MILLING" as const };
    const { machineHoursPerWeek } = await db.weeklyCapacity.findUniqueOrThrow({
      where: { companyId_process: mueller },
    });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const otherPid = (await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      await other.query("BEGIN");
      await other.query(
        `UPDATE "WeeklyCapacity" SET "machineHoursPerWeek" = 0.01 WHERE "companyId" = $1 AND "process" = 'CNC_MILLING'`,
        [mueller.companyId],
      );
      const matched = matchOrderLine(db, line.id, "card changed test");
      // The match has read Müller's card (the change is not committed) and now waits for its capacity row.
      await waitUntilBlockedBy(otherPid);
      await other.query("COMMIT");
      const outcome = await matched;

      expect(outcome.kind).toBe("unmatched");
      expect(await db.capacityReservation.count({ where: { orderLineId: line.id } })).toBe(0);
      // The offer's statement that found the card changed wrote nothing: no expiry job for an offer not made.
      expect(await expiryJobs()).toBe(expiryJobsBefore);
      const decision = await db.matchDecision.findFirstOrThrow({ where: { orderLineId: line.id } });
      expect((decision.candidates as { skipped: unknown[] }).skipped).toContainEqual(
        expect.objectContaining({ companyId: mueller.companyId, rule: "capacity" }),
      );
    } finally {
      await other.end();
      await db.weeklyCapacity.update({
        where: { companyId_process: mueller },
        data: { machineHoursPerWeek },
      });
    }
  });

  // Issue 22 (decision 0074, follow-up 2): pg-boss's job insert, which every offer sends, was planned anew
  // each time (about 0.9 ms of the database's time).
  it("prepares pg-boss's job insert once per connection and reuses it", async () => {
    const prepared = await db.$transaction(async (tx) => {
      for (const hours of [1, 2])
        await enqueueJobs(tx, [
          followUpJob("offers.expire", {}, { startAfter: new Date(Date.now() + hours * 3_600_000) }),
        ]);
      return tx.$queryRaw<{ statement: string }[]>`SELECT "statement" FROM pg_prepared_statements`;
    });
    // The offer's own statement holds the expiry job's insert too (decision 0123); this counts pg-boss's own.
    const jobInserts = prepared.filter(
      (row) =>
        row.statement.includes("INSERT INTO pgboss.job") && !row.statement.includes('INSERT INTO "Offer"'),
    );
    expect(jobInserts).toHaveLength(1);
  });

  // Issue 22 (decision 0083): a match's COMMIT does not wait for its WAL to reach the disk; every other
  // transaction still does.
  it("commits a match without waiting for the disk, and only a match", async () => {
    const { line } = await placeAcmeOrder(db, {});
    const settingAtCommit: string[] = [];
    const query = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [config] = args as [string | { text: string }];
      const text = typeof config === "string" ? config : config.text;
      // Queued on the same connection just before the COMMIT, so it runs in the committing transaction.
      if (/^\s*COMMIT\b/i.test(text))
        void (query as (text: string) => Promise<pg.QueryResult<{ synchronous_commit: string }>>)
          .call(this, "SHOW synchronous_commit")
          .then((result) => settingAtCommit.push(result.rows[0]!.synchronous_commit));
      return (query as (...args: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const outcome = await matchOrderLine(db, line.id, "commit test");
      expect(outcome.kind).toBe("offered");
      expect(settingAtCommit).toEqual(["off"]);
      await db.$transaction(async (tx) => {
        await lockLineToMatch(tx, line.id);
      });
      expect(settingAtCommit).toEqual(["off", "on"]);
    } finally {
      pg.Client.prototype.query = query;
    }
  });
});
