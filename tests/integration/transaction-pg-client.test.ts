import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, PrismaClient } from "../../lib/db/generated/client";
import { createDriverAdapter, type Database } from "../../lib/db/prisma";
import {
  queryRawRows,
  transactionPgClient,
  transactionWithPgClient,
} from "../../lib/db/transaction-pg-client";
import { pgClientRequest } from "../../lib/db/transaction-queries-in-turn";
import { enqueueJobs, followUpJob } from "../../lib/jobs/enqueue-job";
import { createTestDatabase } from "./setup/test-database";

// Issue 22 (decision 0074, follow-up 2): the matcher sends some statements on its transaction's pg
// connection instead of through Prisma; they must be the transaction's own.
describe("a transaction's pg connection", () => {
  let db: Database;
  /** What Prisma itself sent, as its query events say. */
  const sentByPrisma: string[] = [];
  beforeAll(async () => {
    const traced = new PrismaClient({
      adapter: createDriverAdapter(await createTestDatabase()),
      log: [{ emit: "event", level: "query" }],
    });
    traced.$on("query", (event) => sentByPrisma.push(event.query));
    db = traced as Database;
  });
  afterAll(async () => {
    await db?.$disconnect();
  });

  it("runs its statements in the transaction: Prisma's see them, and they roll back with it", async () => {
    const entityId = `pg-client-${Date.now()}`;
    const count = () => db.auditLogEntry.count({ where: { entityId } });
    await expect(
      db.$transaction(async (tx) => {
        const client = await transactionPgClient(tx);
        await client.query(
          `INSERT INTO "AuditLogEntry" ("action", "entityType", "entityId", "data") VALUES ('test', 'Test', $1, '{}')`,
          [entityId],
        );
        expect(await tx.auditLogEntry.count({ where: { entityId } })).toBe(1);
        // Not yet committed: another connection sees nothing.
        expect(await count()).toBe(0);
        expect(await transactionPgClient(tx)).toBe(client);
        const [row] = await queryRawRows<{ entities: string[]; one: number }>(
          tx,
          Prisma.sql`SELECT ARRAY(SELECT "entityId" FROM "AuditLogEntry" WHERE "entityId" = ${entityId}) AS "entities", 1::int AS "one"`,
        );
        expect(row).toEqual({ entities: [entityId], one: 1 });
        // Neither statement went through Prisma.
        expect(sentByPrisma.filter((sql) => sql.includes(`AS "entities"`))).toEqual([]);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await count()).toBe(0);

    await db.$transaction(async (tx) => {
      const client = await transactionPgClient(tx);
      await client.query(
        `INSERT INTO "AuditLogEntry" ("action", "entityType", "entityId", "data") VALUES ('test', 'Test', $1, '{}')`,
        [entityId],
      );
    });
    expect(await count()).toBe(1);
  });

  // Decision 0119: pg-boss's job insert, which every offer sends, goes on the transaction's connection too.
  // Decision 0123: a transaction started by transactionWithPgClient knows its connection from BEGIN on,
  // without the statement through Prisma that finds it; transactions started at once never mix them up.
  it("knows its connection from its start, for each of many transactions at once", async () => {
    const before = sentByPrisma.filter((sql) => sql.includes(pgClientRequest)).length;
    const pids = await Promise.all(
      Array.from({ length: 12 }, () =>
        transactionWithPgClient(db, async (tx) => {
          const [ours] = await queryRawRows<{ pid: number }>(tx, Prisma.sql`SELECT pg_backend_pid() AS "pid"`);
          const [prismas] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`;
          expect(ours!.pid).toBe(prismas!.pid);
          return ours!.pid;
        }),
      ),
    );
    expect(new Set(pids).size).toBeGreaterThan(1);
    expect(sentByPrisma.filter((sql) => sql.includes(pgClientRequest)).length).toBe(before);
  });

  it("sends a follow-up job on it: Prisma sends none of pg-boss's statements, and the job rolls back with it", async () => {
    const startAfter = new Date(Date.UTC(2031, 0, 1) + (Date.now() % 86_400_000));
    const jobs = (db: Pick<Database, "$queryRaw">) =>
      db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM pgboss.job
        WHERE "name" = 'offers.expire' AND "start_after" = ${startAfter}::timestamptz`;
    sentByPrisma.length = 0;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJobs(tx, [followUpJob("offers.expire", {}, { startAfter })]);
        expect(await jobs(tx)).toEqual([{ count: 1 }]);
        expect(sentByPrisma.filter((sql) => sql.includes("pgboss.job ("))).toEqual([]);
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await jobs(db)).toEqual([{ count: 0 }]);

    await db.$transaction((tx) => enqueueJobs(tx, [followUpJob("offers.expire", {}, { startAfter })]));
    expect(await jobs(db)).toEqual([{ count: 1 }]);
  });
});
