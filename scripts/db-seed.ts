// npm run db:seed: loads the deterministic demo data (safe to run again).
import { createPrismaClient } from "../lib/db/prisma";
import { demoAccounts, demoPassword, seedDatabase } from "../prisma/seed";
import { runScript } from "./run-script";

await runScript("db:seed", async ({ databaseUrl }) => {
  const db = createPrismaClient(databaseUrl);
  try {
    await seedDatabase(db);
  } finally {
    await db.$disconnect();
  }
  console.log(
    `Seeded. Demo accounts (password ${demoPassword}): ${demoAccounts.map((account) => account.email).join(", ")}`,
  );
});
