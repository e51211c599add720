import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../lib/db/apply-migrations";
import { createEmptyDatabase } from "./setup/test-database";

async function writeMigration(dir: string, name: string, sql: string) {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  let dir: string;
  let url: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "migrations-"));
    url = await createEmptyDatabase();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it("applies pending migrations in name order, records checksums, and applies nothing the second time", async () => {
    await writeMigration(dir, "20260101000000_b", `INSERT INTO "Thing" (name) VALUES ('from b');`);
    await writeMigration(dir, "20250101000000_a", `CREATE TABLE "Thing" (name text);`);
    expect(await applyMigrations(url, dir)).toEqual(["20250101000000_a", "20260101000000_b"]);
    expect(await applyMigrations(url, dir)).toEqual([]);
    expect(await query(url, `SELECT name FROM "Thing"`)).toEqual([{ name: "from b" }]);
    const recorded = await query<{ migration_name: string; checksum: string }>(
      url,
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(["20250101000000_a", "20260101000000_b"]);
    expect(recorded[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rolls back a failing migration completely and reports which one failed", async () => {
    await writeMigration(dir, "1_ok", `CREATE TABLE "Kept" (id int);`);
    await writeMigration(
      dir,
      "2_broken",
      `CREATE TABLE "HalfDone" (id int);\nINSERT INTO "Missing" VALUES (1);`,
    );
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /Migration 2_broken failed and was rolled back: .*"Missing"/,
    );
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(["Kept", "_prisma_migrations"]);
    expect(await applyMigrations(url, dir).catch(() => "failed again")).toBe("failed again");
  });

  it("refuses to run when an applied migration file was edited, and changes nothing", async () => {
    await writeMigration(dir, "1_create", `CREATE TABLE "Thing" (name text);`);
    await applyMigrations(url, dir);
    await writeMigration(dir, "1_create", `CREATE TABLE "Thing" (name text, extra int);`);
    await writeMigration(dir, "2_next", `CREATE TABLE "Next" (id int);`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /Migration 1_create was edited after it was applied/,
    );
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_name = 'Next'`,
    );
    expect(tables).toEqual([]);
  });

  it("runs safely when several processes migrate at once", async () => {
    await writeMigration(dir, "1_create", `CREATE TABLE "Thing" (name text);`);
    const results = await Promise.all([
      applyMigrations(url, dir),
      applyMigrations(url, dir),
      applyMigrations(url, dir),
    ]);
    expect(results.flat()).toEqual(["1_create"]);
  });
});
