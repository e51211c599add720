// Walk 9 (attacker): someone who could read a user's mailbox for a moment (a shared inbox, a forwarded
// mail) asks for a password reset link. The owner notices and changes the password on the account page,
// which ends every other session; but the reset link stayed open for its hour and set a password of the
// attacker's choosing afterwards. A password change now closes the open reset links.
import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "../../lib/account/change-password";
import { requestPasswordReset } from "../../lib/account/request-password-reset";
import { resetPassword } from "../../lib/account/reset-password";
import { verifyPassword } from "../../lib/auth/password-hash";
import { startUserSession } from "../../lib/auth/start-user-session";
import type { Database } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "../integration/setup/test-prisma";

describe("reset links of a user who changes the password", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("a reset link asked for before a password change no longer sets a password", async () => {
    const email = "paula.purchaser@acme.example";
    await requestPasswordReset(db, { input: { email }, ipAddress: "198.51.100.7" });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: email, text: { contains: "/reset-password/" } },
      orderBy: { createdAt: "desc" },
    });
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const sessionId = await startUserSession(db, user.id, "192.0.2.1");
    await changePassword(
      db,
      { userId: user.id, keepSessionId: sessionId, ipAddress: "192.0.2.1" },
      { currentPassword: "quote-demo-2026", newPassword: "the-owner-s-new-password" },
    );
    await expect(resetPassword(db, token, { password: "the-attacker-s-password" })).rejects.toMatchObject({
      code: "not_found",
    });
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(after.passwordHash, "the-owner-s-new-password")).toBe(true);
  });
});
