import { createPrismaClient, type Database } from "../../../lib/db/prisma";
import { seedDatabase } from "../../../prisma/seed";
import { anna } from "../../fixtures/acme-orders";
import { createTestDatabase } from "./test-database";

/** A new test database with the demo data, Acme's credit limit raised so its invoice orders go through. */
export async function createSeededAcmeDatabase(): Promise<Database> {
  const db = createPrismaClient(await createTestDatabase());
  await seedDatabase(db);
  await db.company.update({ where: { id: anna.companyId }, data: { creditLimitCents: 100_000_000 } });
  return db;
}
