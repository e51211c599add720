import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Clones the migrated template into a new database for the calling test file and returns its URL.
 * The database is left behind on purpose: the whole server is thrown away after the run.
 */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject("testPostgresAdminUrl");
  const name = `test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("testTemplateDatabase")}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty database with no migrations applied, for tests of the migration runner itself. */
export async function createEmptyDatabase(): Promise<string> {
  const adminUrl = inject("testPostgresAdminUrl");
  const name = `empty_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
