import { afterAll } from "vitest";
import { createPrismaClient, type Database } from "../../../lib/db/prisma";
import { createTestDatabase } from "./test-database";

/** A Prisma client on a fresh migrated database of this test file's own; disconnected after the file. */
export async function createTestPrisma(): Promise<Database> {
  const db = createPrismaClient(await createTestDatabase());
  afterAll(() => db.$disconnect());
  return db;
}
