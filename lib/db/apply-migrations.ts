import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrationDataSteps, type MigrationDataStep } from "./migration-data-steps";

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Serialises concurrent runners (several app processes starting at once) on one database. */
const migrationLockKey = 727_274_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/** Reads `prisma/migrations/<name>/migration.sql` folders in name order (Prisma's layout). */
export async function readMigrationFiles(migrationsDir = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies every migration not yet applied, each in its own transaction, and records it with its
 * SHA-256 checksum in Prisma's `_prisma_migrations` table. Running it again applies nothing.
 * Throws MigrationError, changing nothing, when an applied migration's file was edited or removed.
 * A migration with a data step (migration-data-steps.ts) runs it after its SQL, in the same transaction.
 * Returns the names of the migrations it applied.
 */
export async function applyMigrations(
  connectionUrl: string,
  migrationsDir = defaultMigrationsDir,
  dataSteps: Record<string, MigrationDataStep> = migrationDataSteps,
): Promise<string[]> {
  const files = await readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString: connectionUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
        "id" VARCHAR(36) PRIMARY KEY NOT NULL,
        "checksum" VARCHAR(64) NOT NULL,
        "finished_at" TIMESTAMPTZ,
        "migration_name" VARCHAR(255) NOT NULL,
        "logs" TEXT,
        "rolled_back_at" TIMESTAMPTZ,
        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "applied_steps_count" INTEGER NOT NULL DEFAULT 0
      )`);
    const applied = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const filesByName = new Map(files.map((file) => [file.name, file]));
    for (const row of applied.rows) {
      const file = filesByName.get(row.migration_name);
      if (!file) {
        throw new MigrationError(
          `Migration ${row.migration_name} is applied to the database but its folder is missing from ` +
            `${migrationsDir}. Restore it from version control.`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.migration_name} was edited after it was applied (checksum ${file.checksum.slice(0, 12)} ` +
            `differs from ${row.checksum.slice(0, 12)}). Revert the edit and put the change in a new migration.`,
        );
      }
    }

    const appliedNames = new Set(applied.rows.map((row) => row.migration_name));
    const pending = files.filter((file) => !appliedNames.has(file.name));
    for (const file of pending) {
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await dataSteps[file.name]?.(client);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
    }
    return pending.map((file) => file.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => undefined);
    await client.end();
  }
}
