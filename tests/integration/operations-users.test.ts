import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import { createOperationsUser } from "../../lib/companies/create-operations-user";
import type { Database } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { removeOperationsUser } from "../../lib/team/remove-operations-user";
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

describe("removing operations accounts (decision 0122)", () => {
  let db: Database;
  const olga = { userId: "seed_user_olga", companyId: "seed_company_platform", role: "OPERATIONS" as const };
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("lets an operations user remove a colleague who left: signed out, no more sign-in, logged", async () => {
    const { userId } = await createOperationsUser(db, "seed_user_olga", {
      name: "Rita Leaver",
      email: "rita@instant-quote.example",
      initialPassword: "initial-password-1",
    });
    const session = await db.userSession.create({ data: { userId, ipAddress: "127.0.0.1" } });
    const { member } = await removeOperationsUser(db, olga, { userId });
    expect(member.disabledAt).not.toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
      revokedAt: expect.any(Date),
      revokeReason: "removed",
    });
    expect(
      await verifyCredentials(
        db,
        { email: "rita@instant-quote.example", password: "initial-password-1" },
        "127.0.0.1",
      ),
    ).toMatchObject({ ok: false });
    const entry = await db.auditLogEntry.findFirstOrThrow({
      where: { entityId: userId, action: "team.removed" },
    });
    expect(entry.actorUserId).toBe("seed_user_olga");
    // Removed once: a second click finds nobody to remove.
    await expect(removeOperationsUser(db, olga, { userId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to remove oneself, so the team keeps a member", async () => {
    await expect(removeOperationsUser(db, olga, { userId: olga.userId })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: olga.userId } })).disabledAt).toBeNull();
  });

  it("refuses other roles, and removes no buyer or partner through the operations team", async () => {
    const anna = { userId: "seed_user_anna", companyId: "seed_company_acme", role: "BUYER_ADMIN" as const };
    await expect(removeOperationsUser(db, anna, { userId: olga.userId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(removeOperationsUser(db, olga, { userId: "seed_user_anna" })).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: "seed_user_anna" } })).disabledAt).toBeNull();
  });
});
