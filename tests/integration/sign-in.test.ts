import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password-hash";
import { freeFailures } from "../../lib/auth/sign-in-rate-limit";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import type { Database } from "../../lib/db/prisma";
import { createTestPrisma } from "./setup/test-prisma";

describe("verifyCredentials", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    const company = await db.company.create({
      data: { kind: "BUYER", name: "Test GmbH", countryCode: "DE" },
    });
    const passwordHash = await hashPassword("right-password-123");
    await db.user.createMany({
      data: [
        {
          companyId: company.id,
          email: "eva@test.example",
          name: "Eva",
          role: "BUYER_ENGINEER",
          passwordHash,
        },
        { companyId: company.id, email: "max@test.example", name: "Max", role: "BUYER_ADMIN", passwordHash },
        {
          companyId: company.id,
          email: "gone@test.example",
          name: "Gone",
          role: "BUYER_ADMIN",
          passwordHash,
          disabledAt: new Date(),
        },
      ],
    });
  });

  it("returns the session identity (user, company, role) for the right password, whatever the e-mail's case", async () => {
    const verdict = await verifyCredentials(
      db,
      { email: " Eva@Test.example ", password: "right-password-123" },
      "10.0.0.1",
    );
    expect(verdict).toMatchObject({
      ok: true,
      identity: { email: "eva@test.example", role: "BUYER_ENGINEER" },
    });
    if (verdict.ok) expect(verdict.identity.companyId).toMatch(/^c/);
  });

  it("gives the same answer for a wrong password, an unknown e-mail and a disabled account", async () => {
    const answers = await Promise.all([
      verifyCredentials(db, { email: "eva@test.example", password: "wrong" }, "10.0.0.2"),
      verifyCredentials(db, { email: "nobody@test.example", password: "wrong" }, "10.0.0.2"),
      verifyCredentials(db, { email: "gone@test.example", password: "right-password-123" }, "10.0.0.2"),
      verifyCredentials(db, { email: "not an email", password: "x" }, "10.0.0.2"),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it(`slows an account down after ${freeFailures.account} failures, even for the right password, from any address`, async () => {
    for (let attempt = 0; attempt < freeFailures.account; attempt++) {
      await verifyCredentials(db, { email: "max@test.example", password: "guess" }, `10.1.0.${attempt}`);
    }
    const verdict = await verifyCredentials(
      db,
      { email: "max@test.example", password: "right-password-123" },
      "10.9.9.9",
    );
    expect(verdict).toMatchObject({ ok: false, reason: "rate_limited", bucket: "account" });
    if (!verdict.ok && verdict.reason === "rate_limited")
      expect(verdict.retryAfterSeconds).toBeGreaterThan(0);
  });

  it(`slows an address down after ${freeFailures.address} failures across accounts`, async () => {
    for (let attempt = 0; attempt < freeFailures.address; attempt++) {
      await verifyCredentials(db, { email: `spray${attempt}@test.example`, password: "guess" }, "10.2.0.1");
    }
    expect(
      await verifyCredentials(db, { email: "eva@test.example", password: "right-password-123" }, "10.2.0.1"),
    ).toMatchObject({ ok: false, reason: "rate_limited", bucket: "address" });
    expect(
      await verifyCredentials(db, { email: "eva@test.example", password: "right-password-123" }, "10.2.0.2"),
    ).toMatchObject({
      ok: true,
    });
  });
});
