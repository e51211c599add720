import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../../lib/db/backup-database";
import { createPrismaClient } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { createEmptyDatabase, createTestDatabase } from "./setup/test-database";

/** Issue 22, recovery (docs/decisions/0046): npm run db:backup and db:restore, restored into a fresh database. */
describe("database backup and restore", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "backup-"));
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  async function snapshot(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(
        `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      );
      const result: Record<string, string> = {};
      // Every row of every table, in a stable order: the restore must give back the same data. But for
      // the transaction that wrote a match card, which the restoring one is (decision 0123).
      for (const { name } of tables.rows) {
        const rows = await client.query<{ digest: string | null }>(
          `SELECT md5(string_agg(r.row, '|' ORDER BY r.row)) AS digest
             FROM (SELECT (to_jsonb(t) - 'writtenBy')::text AS row FROM ${name} t) r`,
        );
        result[name] = rows.rows[0]?.digest ?? "empty";
      }
      return result;
    } finally {
      await client.end();
    }
  }

  it("gives back every row of the demo data in a new database, which then takes new rows", async () => {
    const source = await createTestDatabase();
    const db = createPrismaClient(source);
    await seedDatabase(db);
    await db.$disconnect();
    const file = path.join(directory, "backup.jsonl.gz");
    const backedUp = await backupDatabase(source, file);
    expect(backedUp['public."Company"']).toBeGreaterThan(0);

    const target = await createEmptyDatabase();
    await restoreDatabase(target, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    // The restored cards name the restoring transaction, not the backed-up database's writers.
    const writersOf = async (url: string) => {
      const cards = new pg.Client({ connectionString: url });
      await cards.connect();
      try {
        const rows = await cards.query<{ writtenBy: string }>(
          `SELECT DISTINCT "writtenBy"::text AS "writtenBy" FROM "SupplierMatchCard"`,
        );
        return rows.rows.map((row) => row.writtenBy);
      } finally {
        await cards.end();
      }
    };
    const [restoredWriter, ...others] = await writersOf(target);
    expect(others).toEqual([]);
    expect(await writersOf(source)).not.toContain(restoredWriter);

    // Sequences moved past the restored ids: new rows get new ones.
    const restored = createPrismaClient(target);
    try {
      await restored.signInAttempt.create({
        data: { email: "new@x.example", ipAddress: "1.1.1.1", succeeded: true },
      });
    } finally {
      await restored.$disconnect();
    }
    await expect(restoreDatabase(target, file)).rejects.toThrow(/already holds data/);
  }, 120_000);
});
