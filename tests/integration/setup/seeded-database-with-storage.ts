import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { resetEnvCache } from "../../../lib/env";
import { seedDatabase } from "../../../prisma/seed";
import { createTestDatabase } from "./test-database";

/**
 * For tests that call route files, which read the database and the file storage from the environment: a
 * new seeded database and an empty storage folder (named after `storagePrefix`), set as DATABASE_URL and
 * STORAGE_LOCAL_DIR before the app's Prisma client is first made. The caller removes the folder afterwards.
 */
export async function seededDatabaseWithStorage(storagePrefix: string) {
  const url = await createTestDatabase();
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), storagePrefix));
  process.env.DATABASE_URL = url;
  process.env.STORAGE_LOCAL_DIR = directory;
  resetEnvCache();
  const { getPrisma } = await import("../../../lib/db/prisma");
  const db = getPrisma();
  await seedDatabase(db);
  return { url, directory, db };
}
