import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import { createOperationsUser } from "../../lib/companies/create-operations-user";
import type { Database } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "./setup/test-prisma";

describe("creating operations accounts", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("lets an operations user create a colleague who can then sign in, and logs who did it", async () => {
    const { userId } = await createOperationsUser(db, "seed_user_olga", {
      name: "Paul Prüfer",
      email: "paul@instant-quote.example",
      initialPassword: "initial-password-1",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ role: "OPERATIONS", companyId: "seed_company_platform" });
    expect(
      await verifyCredentials(
        db,
        { email: "paul@instant-quote.example", password: "initial-password-1" },
        "127.0.0.1",
      ),
    ).toMatchObject({ ok: true, identity: { role: "OPERATIONS" } });
    const entry = await db.auditLogEntry.findFirstOrThrow({
      where: { entityId: userId, action: "user.created" },
    });
    expect(entry.actorUserId).toBe("seed_user_olga");
  });

  it.each([["seed_user_anna"], ["seed_user_mueller"]])(
    "refuses when %s (not operations) tries",
    async (creator) => {
      await expect(
        createOperationsUser(db, creator, {
          name: "Mallory",
          email: "mallory@example.com",
          initialPassword: "initial-password-1",
        }),
      ).rejects.toMatchObject({ code: "forbidden" });
      expect(await db.user.count({ where: { email: "mallory@example.com" } })).toBe(0);
    },
  );

  it("refuses an e-mail that already has an account", async () => {
    await expect(
      createOperationsUser(db, "seed_user_olga", {
        name: "Anna",
        email: "anna.buyer@acme.example",
        initialPassword: "initial-password-1",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
